using Dimona.Grpc.Domain.Identifiers;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Employer registration through Wide, its confirmation, and pending declarations resolved by an operator.</summary>
public class OperatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_Unsecured_IsProvisionalWithAProvisionalNumber_ThenConfirmedDefinitiveKeepingItsDeclarations()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var registered = (await client.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured), cancellationToken: Ct)).Employer;

        Assert.Equal(RegistrationStatus.Provisional, registered.RegistrationStatus);
        Assert.Equal("", registered.OnssNumber);
        Assert.True(OnssNumber.TryParseProvisional(registered.ProvisionalOnssNumber, out _, out _));
        var student = Requests.Stg();
        student.Employer = new EmployerId { ProvisionalOnssNumber = registered.ProvisionalOnssNumber };
        student.DimonaIn = new DimonaIn { StartDate = "2026-12-01", EndDate = "2026-12-31", JointCommittee = "XXX", WorkerType = WorkerType.Stu, PlannedHours = 40 };
        // The new employer is in no token yet: its own client gets one that names it.
        var employer = server.CreateDimonaClient(TestTokens.Mint([Requests.NewEnterprise], Dimona.Grpc.Domain.Scopes.Declare));
        var declared = (await employer.SubmitDeclarationAsync(student, cancellationToken: Ct)).Declaration;
        Assert.Equal(DeclarationStatus.Accepted, declared.Status);

        var confirmed = (await client.ConfirmEmployerRegistrationAsync(
            new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = registered.ProvisionalOnssNumber }, cancellationToken: Ct)).Employer;

        Assert.Equal(RegistrationStatus.Definitive, confirmed.RegistrationStatus);
        Assert.True(OnssNumber.TryParseDefinitive(confirmed.OnssNumber, out _, out _));
        Assert.Equal(registered.ProvisionalOnssNumber, confirmed.ProvisionalOnssNumber);
        var byNewNumber = (await client.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { OnssNumber = confirmed.OnssNumber } }, cancellationToken: Ct)).Employer;
        Assert.Equal((Requests.NewEnterprise, RegistrationStatus.Definitive), (byNewNumber.EnterpriseNumber, byNewNumber.RegistrationStatus));

        // The period declared under the provisional number is the employer's under its definitive one.
        var close = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { OnssNumber = confirmed.OnssNumber },
            DimonaCancel = new DimonaCancel { PeriodId = declared.PeriodId },
        };
        Assert.Equal(DeclarationStatus.Accepted, (await employer.SubmitDeclarationAsync(close, cancellationToken: Ct)).Declaration.Status);
    }

    [Fact]
    public async Task Register_Secured_IsDefinitiveAtOnce()
    {
        await using var server = new DimonaServerFactory();

        var registered = (await server.CreateDimonaClient().RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Secured), cancellationToken: Ct)).Employer;

        Assert.Equal(RegistrationStatus.Definitive, registered.RegistrationStatus);
        Assert.True(OnssNumber.TryParseDefinitive(registered.OnssNumber, out _, out _));
        Assert.Equal("", registered.ProvisionalOnssNumber);
        Assert.True(registered.Active);
        Assert.Equal("000", registered.EmployerCategory);
        Assert.Equal(["56102", "56301"], registered.NaceCodes);
        var identified = (await server.CreateDimonaClient().IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { OnssNumber = registered.OnssNumber } }, cancellationToken: Ct)).Employer;
        Assert.Equal(registered, identified);
    }

    [Fact]
    public async Task Register_AnEnterpriseAlreadyRegistered_FailsAlreadyExists()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => server.CreateDimonaClient()
            .RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured, Requests.DefinitiveEmployer), cancellationToken: Ct).ResponseAsync);

        Assert.Equal("EMPLOYER_ALREADY_REGISTERED", status.Reason());
    }

    [Fact]
    public async Task Register_BadEnterpriseNumberAndNoChannel_FailsNamingBoth()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient()
            .RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unspecified, "0431150351"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["enterprise_number", "channel"], status.BadFields());
    }

    [Fact]
    public async Task Register_BadCategoryAndNaceCodes_FailsNamingEach()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Registration(RegistrationChannel.Secured);
        request.EmployerCategory = "0A0";
        request.NaceCodes.Add("5610");
        var none = Requests.Registration(RegistrationChannel.Secured);
        none.NaceCodes.Clear();

        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient().RegisterEmployerAsync(request, cancellationToken: Ct).ResponseAsync);
        var missing = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient().RegisterEmployerAsync(none, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["employer_category", "nace_codes[2]"], bad.BadFields());
        Assert.Equal(["nace_codes"], missing.BadFields());
    }

    [Fact]
    public async Task Confirm_AnEmployerAlreadyDefinitive_FailsFailedPrecondition_AndAnUnknownNumberNotFound()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var provisional = (await client.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured), cancellationToken: Ct)).Employer.ProvisionalOnssNumber;
        var confirm = new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = provisional };
        await client.ConfirmEmployerRegistrationAsync(confirm, cancellationToken: Ct);

        var again = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => client.ConfirmEmployerRegistrationAsync(confirm, cancellationToken: Ct).ResponseAsync);
        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.ConfirmEmployerRegistrationAsync(
            new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = "5000000120" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(("EMPLOYER_ALREADY_DEFINITIVE", "EMPLOYER_NOT_FOUND"), (again.Reason(), unknown.Reason()));
    }

    private static SubmitDeclarationRequest WithoutNiss()
    {
        var request = Requests.Stg();
        request.Worker = new Worker { Identification = Requests.Identification() };
        return request;
    }

    [Fact]
    public async Task Resolve_APendingDeclaration_GivesItsFinalStatusAndCreatesItsPeriod()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var pending = (await client.SubmitDeclarationAsync(WithoutNiss(), cancellationToken: Ct)).Declaration;
        Assert.Equal((DeclarationStatus.Pending, ""), (pending.Status, pending.PeriodId));

        var resolved = (await client.ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = pending.DeclarationNumber, Niss = Requests.Niss }, cancellationToken: Ct)).Declaration;

        Assert.Equal((DeclarationStatus.Accepted, pending.DeclarationNumber, Requests.Niss), (resolved.Status, resolved.PeriodId, resolved.IdentifiedNiss));
        var read = (await client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = pending.DeclarationNumber }, cancellationToken: Ct)).Declaration;
        Assert.Equal((DeclarationStatus.Accepted, pending.DeclarationNumber, Requests.Niss), (read.Status, read.PeriodId, read.IdentifiedNiss));
        Assert.Equal(Worker.IdentityOneofCase.Identification, read.Worker.IdentityCase);
        var closeIt = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
            Worker = new Worker { Niss = Requests.Niss },
            DimonaCancel = new DimonaCancel { PeriodId = resolved.PeriodId },
        };
        Assert.Equal(DeclarationStatus.Accepted, (await client.SubmitDeclarationAsync(closeIt, cancellationToken: Ct)).Declaration.Status);
    }

    [Fact]
    public async Task Resolve_IntoAPeriodAlreadyDeclared_RefusesItWith90373_333AndCreatesNoPeriod()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);
        var pending = (await client.SubmitDeclarationAsync(WithoutNiss(), cancellationToken: Ct)).Declaration;

        var resolved = (await client.ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = pending.DeclarationNumber, Niss = Requests.Niss }, cancellationToken: Ct)).Declaration;

        Assert.Equal((DeclarationStatus.Refused, ""), (resolved.Status, resolved.PeriodId));
        Assert.Contains(resolved.Anomalies, a => a.Code == "90373-333");
    }

    [Fact]
    public async Task Resolve_ADeclarationNotPending_FailsFailedPrecondition()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var accepted = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => client.ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = accepted.DeclarationNumber, Niss = Requests.Niss }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("DECLARATION_NOT_PENDING", status.Reason());
    }

    [Fact]
    public async Task Resolve_BadNumberAndNiss_FailsNamingBoth()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient().ResolvePendingDeclarationAsync(
            new ResolvePendingDeclarationRequest { DeclarationNumber = "12", Niss = "93051822362" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["declaration_number", "niss"], status.BadFields());
    }
}
