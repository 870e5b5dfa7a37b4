using Dimona.Grpc.Persistence;
using Dimona.V1;
using Microsoft.EntityFrameworkCore;
using Scopes = Dimona.Grpc.Domain.Scopes;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// The audit record: one row per change, written with it, naming who (the token's subject, or the unsecured channel),
/// for which employer, which declaration, what and with what outcome, at the writer's time; no personal data.
/// </summary>
public class AuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An enterprise number no demo employer has (check digits valid), named by the default test token.</summary>
    private const string NewEnterprise = "0123456749";

    [Fact]
    public async Task SecuredSubmission_IsRecordedWithTheTokensSubject_EmployerNumberActionAndStatus()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient(TestTokens.Mint(TestTokens.DefaultEmployers, Scopes.Declare, subject: "payroll-bureau-7"));

        var declared = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        var record = Assert.Single(await AuditAsync(server));
        Assert.Equal(
            ("payroll-bureau-7", "Secured", await EmployerIdAsync(server, Requests.DefinitiveEmployer), declared.DeclarationNumber, "Declared IN", "Accepted"),
            (record.Subject, record.Channel, record.EmployerId, record.DeclarationNumber, record.Action, record.Outcome));
        Assert.Equal(DimonaServerFactory.Now, record.Time);
    }

    [Fact]
    public async Task UnsecuredSubmission_IsRecordedWithAnEmptySubjectOnTheUnsecuredChannel()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);

        var declared = (await server.CreateDimonaClient(token: null).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        var record = Assert.Single(await AuditAsync(server));
        Assert.Equal(("", "Unsecured", declared.DeclarationNumber, "Declared IN", "Accepted"),
            (record.Subject, record.Channel, record.DeclarationNumber, record.Action, record.Outcome));
    }

    [Fact]
    public async Task BatchItems_RefusedOnesToo_AreRecordedOneEach_AndChangesByTheirKind()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        using var batch = new BatchCalls(client);
        var first = Workers.Stg(1);
        var overlapping = Workers.Stg(1);

        var results = await batch.SendAsync(first, overlapping, Workers.Stg(2));
        var cancel = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = first.Employer,
            Worker = first.Worker,
            DimonaCancel = new DimonaCancel { PeriodId = results[0].Declaration.PeriodId },
        };
        var cancelled = (await client.SubmitDeclarationAsync(cancel, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Refused, results[1].Declaration.Status);
        Assert.Equal(
            [
                (results[0].Declaration.DeclarationNumber, "Declared IN", "Accepted"),
                (results[1].Declaration.DeclarationNumber, "Declared IN", "Refused"),
                (results[2].Declaration.DeclarationNumber, "Declared IN", "Accepted"),
                (cancelled.DeclarationNumber, "Declared CANCEL", "Accepted"),
            ],
            (await AuditAsync(server)).Select(r => (r.DeclarationNumber, r.Action, r.Outcome)));
    }

    [Fact]
    public async Task RetryAndPreview_StoreNothing_AndRecordNothing()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var request = Requests.Stg();
        var preview = Requests.Stg();
        preview.Worker.Niss = Workers.Niss(3);
        preview.ValidateOnly = true;

        var declared = (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;
        var retried = (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;
        await client.SubmitDeclarationAsync(preview, cancellationToken: Ct);

        Assert.Equal(declared.DeclarationNumber, retried.DeclarationNumber);
        Assert.Equal([declared.DeclarationNumber], (await AuditAsync(server)).Select(r => r.DeclarationNumber));
    }

    [Fact]
    public async Task Resolution_IsRecordedWithTheOperatorsSubjectAndTheFinalStatus()
    {
        await using var server = new DimonaServerFactory();
        var pendingRequest = Requests.Stg();
        pendingRequest.Worker = new Worker { Identification = Requests.Identification() };
        var pending = (await server.CreateDimonaClient().SubmitDeclarationAsync(pendingRequest, cancellationToken: Ct)).Declaration;
        var operatorClient = server.CreateDimonaClient(TestTokens.Mint([], Scopes.Operator, subject: "onss-operator-3"));

        await operatorClient.ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = pending.DeclarationNumber, Niss = Requests.Niss }, cancellationToken: Ct);

        var employer = await EmployerIdAsync(server, Requests.DefinitiveEmployer);
        Assert.Equal(
            [
                ("test-client", employer, pending.DeclarationNumber, "Declared IN", "Pending"),
                ("onss-operator-3", employer, pending.DeclarationNumber, "Resolved", "Accepted"),
            ],
            (await AuditAsync(server)).Select(r => (r.Subject, r.EmployerId, r.DeclarationNumber, r.Action, r.Outcome)));
    }

    [Fact]
    public async Task RegistrationAndConfirmation_AreRecordedForTheNewEmployer_WithoutADeclarationNumber()
    {
        await using var server = new DimonaServerFactory();
        var wide = server.CreateDimonaClient(TestTokens.Mint([], Scopes.Declare, subject: "wide-gateway"));
        var operatorClient = server.CreateDimonaClient(TestTokens.Mint([], Scopes.Operator, subject: "onss-operator-3"));

        var registered = (await wide.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured, NewEnterprise), cancellationToken: Ct)).Employer;
        await operatorClient.ConfirmEmployerRegistrationAsync(
            new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = registered.ProvisionalOnssNumber }, cancellationToken: Ct);

        var employer = await EmployerIdAsync(server, NewEnterprise);
        Assert.Equal(
            [
                ("wide-gateway", "Secured", employer, (string?)null, "Registered", "Provisional"),
                ("onss-operator-3", "Secured", employer, null, "Confirmed", "Definitive"),
            ],
            (await AuditAsync(server)).Select(r => (r.Subject, r.Channel, r.EmployerId, r.DeclarationNumber, r.Action, r.Outcome)));
    }

    [Fact]
    public async Task Records_HoldNoNissNameOrBirthDate()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var identified = Requests.Stg();
        var unidentified = Requests.Stg();
        unidentified.Worker = new Worker { Identification = Requests.Identification() };
        var pending = (await client.SubmitDeclarationAsync(unidentified, cancellationToken: Ct)).Declaration;
        await client.SubmitDeclarationAsync(identified, cancellationToken: Ct);
        await client.ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = pending.DeclarationNumber, Niss = Workers.Niss(5) }, cancellationToken: Ct);

        var records = await AuditAsync(server);

        Assert.Equal(3, records.Count);
        var identification = Requests.Identification();
        var personal = new[] { Requests.Niss, Workers.Niss(5), identification.FamilyName, identification.GivenName, identification.BirthDate };
        var text = string.Join('|', records.Select(r => $"{r.Subject}|{r.Channel}|{r.DeclarationNumber}|{r.Action}|{r.Outcome}"));
        Assert.All(personal, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
    }

    /// <summary>Every audit record, in the order written.</summary>
    internal static async Task<List<AuditRecordRow>> AuditAsync(DimonaServerFactory server)
    {
        await using var db = server.CreateDbContext();
        return await db.AuditRecords.OrderBy(r => r.Id).ToListAsync(Ct);
    }

    private static async Task<long> EmployerIdAsync(DimonaServerFactory server, string enterpriseNumber)
    {
        await using var db = server.CreateDbContext();
        return await db.Employers.Where(e => e.EnterpriseNumber == enterpriseNumber).Select(e => e.Id).SingleAsync(Ct);
    }
}
