using Dimona.V1;
using Google.Rpc;
using Grpc.Core;
using ScopeNames = Dimona.Grpc.Domain.ScopeNames;
using Scopes = Dimona.Grpc.Domain.Scopes;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// Who may make which call: every RPC, the batch included, by the holder of a token for the employer concerned
/// ("own"), of a token for another employer ("other"), without a token ("none", the unsecured channel off) and with a
/// token lacking the scope the call needs ("scope"). Own: the Atelier Démo; the other employer: the Nieuwe Zaak,
/// whose declaration, period and pending declaration the calls aim at in the "other" column. Operator calls act for
/// every employer, so their "other" column succeeds too.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Own = Requests.DefinitiveEmployer;
    private const string Other = Requests.ProvisionalEmployer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, StatusCode, string> Matrix => new()
    {
        { "IdentifyEmployer", "own", StatusCode.OK, "" },
        { "IdentifyEmployer", "other", StatusCode.OK, "" },
        { "IdentifyEmployer", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "IdentifyEmployer", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "SubmitDeclaration", "own", StatusCode.OK, "" },
        { "SubmitDeclaration", "other", StatusCode.PermissionDenied, "EMPLOYER_NOT_PERMITTED" },
        { "SubmitDeclaration", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "SubmitDeclaration", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "SubmitDeclarationBatch", "own", StatusCode.OK, "" },
        { "SubmitDeclarationBatch", "other", StatusCode.PermissionDenied, "EMPLOYER_NOT_PERMITTED" },
        { "SubmitDeclarationBatch", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "SubmitDeclarationBatch", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "GetDeclaration", "own", StatusCode.OK, "" },
        { "GetDeclaration", "other", StatusCode.NotFound, "DECLARATION_NOT_FOUND" },
        { "GetDeclaration", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "GetDeclaration", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "GetPeriod", "own", StatusCode.OK, "" },
        { "GetPeriod", "other", StatusCode.NotFound, "PERIOD_NOT_FOUND" },
        { "GetPeriod", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "GetPeriod", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "ListDeclarations", "own", StatusCode.OK, "" },
        { "ListDeclarations", "other", StatusCode.PermissionDenied, "EMPLOYER_NOT_PERMITTED" },
        { "ListDeclarations", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "ListDeclarations", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "ListPeriods", "own", StatusCode.OK, "" },
        { "ListPeriods", "other", StatusCode.PermissionDenied, "EMPLOYER_NOT_PERMITTED" },
        { "ListPeriods", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "ListPeriods", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "RegisterEmployer", "own", StatusCode.OK, "" },
        { "RegisterEmployer", "other", StatusCode.OK, "" },
        { "RegisterEmployer", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "RegisterEmployer", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "ConfirmEmployerRegistration", "own", StatusCode.OK, "" },
        { "ConfirmEmployerRegistration", "other", StatusCode.OK, "" },
        { "ConfirmEmployerRegistration", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "ConfirmEmployerRegistration", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "ListPendingDeclarations", "own", StatusCode.OK, "" },
        { "ListPendingDeclarations", "other", StatusCode.OK, "" },
        { "ListPendingDeclarations", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "ListPendingDeclarations", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
        { "ResolvePendingDeclaration", "own", StatusCode.OK, "" },
        { "ResolvePendingDeclaration", "other", StatusCode.OK, "" },
        { "ResolvePendingDeclaration", "none", StatusCode.Unauthenticated, "TOKEN_REQUIRED" },
        { "ResolvePendingDeclaration", "scope", StatusCode.PermissionDenied, "SCOPE_MISSING" },
    };

    [Fact]
    public void Matrix_CoversEveryRpcOfTheService()
    {
        var covered = Matrix.Select(row => (string)row.Data.Item1).Distinct().Order();

        Assert.Equal(DimonaService.Descriptor.Methods.Select(m => m.Name).Order(), covered);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_ByWhoItIs_IsAnsweredAsTheMatrixSays(string rpc, string who, StatusCode code, string reason)
    {
        await using var server = new DimonaServerFactory();
        var world = await World.SeedAsync(server);
        var needed = Needed(rpc);
        var token = who switch
        {
            "own" or "other" => TestTokens.Mint([Own], needed),
            "none" => null,
            // IdentifyEmployer takes any scope: its wrong token has none.
            "scope" => TestTokens.Mint([Own, Other], rpc == "IdentifyEmployer" ? Scopes.None : TestTokens.AllScopes & ~needed),
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
        };
        var client = server.CreateDimonaClient(token);

        var status = await CallAsync(client, rpc, who == "other" ? world.OthersTarget : world.OwnTarget, Ct);

        Assert.Equal(code, (StatusCode)status.Code);
        Assert.Equal(reason, status.Reason());
        if (reason == "SCOPE_MISSING")
        {
            Assert.Equal(ScopeNames.Name(needed), status.GetDetail<ErrorInfo>()!.Metadata["scope"]);
        }
        if (reason == "EMPLOYER_NOT_PERMITTED")
        {
            Assert.Equal(["employer"], status.BadFields());
        }
    }

    [Fact]
    public async Task GetDeclaration_OfAnotherEmployer_IsAnsweredExactlyAsANumberThatDoesNotExist()
    {
        await using var server = new DimonaServerFactory();
        var world = await World.SeedAsync(server);
        var client = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Consult));
        const string absent = "123456789002";

        var others = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = world.OthersTarget.Declaration }, cancellationToken: Ct).ResponseAsync);
        var missing = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = absent }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(missing.ToString().Replace(absent, "N", StringComparison.Ordinal), others.ToString().Replace(world.OthersTarget.Declaration, "N", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPeriod_OfAnotherEmployer_IsAnsweredExactlyAsAnIdThatDoesNotExist()
    {
        await using var server = new DimonaServerFactory();
        var world = await World.SeedAsync(server);
        var client = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Consult));
        const string absent = "123456789002";

        var others = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetPeriodAsync(
            new GetPeriodRequest { PeriodId = world.OthersTarget.Period }, cancellationToken: Ct).ResponseAsync);
        var missing = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetPeriodAsync(
            new GetPeriodRequest { PeriodId = absent }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(missing.ToString().Replace(absent, "N", StringComparison.Ordinal), others.ToString().Replace(world.OthersTarget.Period, "N", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_ItemForAnotherEmployer_FailsAloneWithPermissionDenied_TheOthersGoOn()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Declare));
        var message = new SubmitDeclarationBatchRequest { Items = { Requests.Stg(Own), Requests.Stg(Other), Requests.Stg(Requests.DefinitiveOnss) } };
        message.Items[2].Employer = new EmployerId { OnssNumber = Requests.DefinitiveOnss };
        message.Items[2].DimonaIn.StartDate = "2027-01-04";
        message.Items[2].DimonaIn.EndDate = "2027-01-29";

        using var call = client.SubmitDeclarationBatch(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(message, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var results = call.ResponseStream.Current.Results;

        Assert.Equal(BatchItemResult.ResultOneofCase.Declaration, results[0].ResultCase);
        Assert.Equal(((int)StatusCode.PermissionDenied, "EMPLOYER_NOT_PERMITTED"), (results[1].Error.Code, results[1].Error.Reason()));
        Assert.Equal(["employer"], results[1].Error.BadFields());
        Assert.Equal(BatchItemResult.ResultOneofCase.Declaration, results[2].ResultCase);
    }

    [Fact]
    public async Task RequestId_ReusedByAnotherEmployer_IsAnotherDeclaration_AndNeitherSeesTheOthers()
    {
        await using var server = new DimonaServerFactory();
        var own = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Declare | Scopes.Consult));
        var other = server.CreateDimonaClient(TestTokens.Mint([Other], Scopes.Declare | Scopes.Consult));
        var first = Requests.Stg(Other);
        var mine = Requests.Stg(Own);
        mine.RequestId = first.RequestId;

        var theirs = (await other.SubmitDeclarationAsync(first, cancellationToken: Ct)).Declaration;
        var ours = (await own.SubmitDeclarationAsync(mine, cancellationToken: Ct)).Declaration;
        var ourRetry = (await own.SubmitDeclarationAsync(mine, cancellationToken: Ct)).Declaration;
        var theirRetry = (await other.SubmitDeclarationAsync(first, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Accepted, ours.Status);
        Assert.NotEqual(theirs.DeclarationNumber, ours.DeclarationNumber);
        Assert.Equal(ours.DeclarationNumber, ourRetry.DeclarationNumber);
        Assert.Equal(theirs.DeclarationNumber, theirRetry.DeclarationNumber);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => own.GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = theirs.DeclarationNumber }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task Batch_RequestIdOfAnotherEmployersItem_IsAnotherDeclaration()
    {
        await using var server = new DimonaServerFactory();
        var other = server.CreateDimonaClient(TestTokens.Mint([Other], Scopes.Declare));
        var own = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Declare));
        var theirs = Requests.Stg(Other);
        var theirNumber = (await other.SubmitDeclarationAsync(theirs, cancellationToken: Ct)).Declaration.DeclarationNumber;
        var mine = Requests.Stg(Own);
        mine.RequestId = theirs.RequestId;

        using var call = own.SubmitDeclarationBatch(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new SubmitDeclarationBatchRequest { Items = { mine } }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var result = call.ResponseStream.Current.Results[0];

        Assert.Equal(BatchItemResult.ResultOneofCase.Declaration, result.ResultCase);
        Assert.NotEqual(theirNumber, result.Declaration.DeclarationNumber);
    }

    [Fact]
    public async Task Change_OfAnotherEmployersPeriod_IsAnsweredAsAnUnknownId()
    {
        await using var server = new DimonaServerFactory();
        var world = await World.SeedAsync(server);
        var client = server.CreateDimonaClient(TestTokens.Mint([Own], Scopes.Declare));
        var cancel = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Own },
            DimonaCancel = new DimonaCancel { PeriodId = world.OthersTarget.Period },
        };

        var refused = (await client.SubmitDeclarationAsync(cancel, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Equal(["00913-354"], refused.Anomalies.Select(a => a.Code));
    }

    /// <summary>Which scope each RPC needs (IdentifyEmployer: any, and a token without one is told it lacks consult).</summary>
    private static Scopes Needed(string rpc) => rpc switch
    {
        "SubmitDeclaration" or "SubmitDeclarationBatch" or "RegisterEmployer" => Scopes.Declare,
        "ConfirmEmployerRegistration" or "ListPendingDeclarations" or "ResolvePendingDeclaration" => Scopes.Operator,
        _ => Scopes.Consult,
    };

    /// <summary>Makes the call, answering its status: OK, or the google.rpc.Status it failed with (a batch: its one item's).</summary>
    private static async Task<Google.Rpc.Status> CallAsync(DimonaService.DimonaServiceClient client, string rpc, Target target, CancellationToken ct)
    {
        try
        {
            switch (rpc)
            {
                case "IdentifyEmployer":
                    await client.IdentifyEmployerAsync(new IdentifyEmployerRequest { Employer = Employer(target.Employer) }, cancellationToken: ct);
                    break;
                case "SubmitDeclaration":
                    await client.SubmitDeclarationAsync(Requests.Stg(target.Employer), cancellationToken: ct);
                    break;
                case "SubmitDeclarationBatch":
                    using (var call = client.SubmitDeclarationBatch(cancellationToken: ct))
                    {
                        await call.RequestStream.WriteAsync(new SubmitDeclarationBatchRequest { Items = { Requests.Stg(target.Employer) } }, ct);
                        await call.RequestStream.CompleteAsync();
                        Assert.True(await call.ResponseStream.MoveNext(ct));
                        var item = call.ResponseStream.Current.Results[0];
                        if (item.ResultCase == BatchItemResult.ResultOneofCase.Error)
                        {
                            return item.Error;
                        }
                    }
                    break;
                case "GetDeclaration":
                    await client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = target.Declaration }, cancellationToken: ct);
                    break;
                case "GetPeriod":
                    await client.GetPeriodAsync(new GetPeriodRequest { PeriodId = target.Period }, cancellationToken: ct);
                    break;
                case "ListDeclarations":
                    await client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = Employer(target.Employer) }, cancellationToken: ct);
                    break;
                case "ListPeriods":
                    await client.ListPeriodsAsync(new ListPeriodsRequest { Employer = Employer(target.Employer) }, cancellationToken: ct);
                    break;
                case "RegisterEmployer":
                    await client.RegisterEmployerAsync(World.Registration(), cancellationToken: ct);
                    break;
                case "ConfirmEmployerRegistration":
                    await client.ConfirmEmployerRegistrationAsync(
                        new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = Requests.ProvisionalOnss }, cancellationToken: ct);
                    break;
                case "ListPendingDeclarations":
                    await client.ListPendingDeclarationsAsync(new ListPendingDeclarationsRequest(), cancellationToken: ct);
                    break;
                case "ResolvePendingDeclaration":
                    await client.ResolvePendingDeclarationAsync(
                        new ResolvePendingDeclarationRequest { DeclarationNumber = target.Pending, Niss = Requests.Niss }, cancellationToken: ct);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null);
            }
            return new Google.Rpc.Status { Code = (int)StatusCode.OK };
        }
        catch (RpcException e)
        {
            return e.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException($"{rpc}: {e.StatusCode} without a google.rpc.Status.");
        }
    }

    /// <summary>An ordinary worker's IN, which the provisional employer may declare too.</summary>
    private static SubmitDeclarationRequest Oth(string employer, string start)
    {
        var request = Requests.Stg(employer);
        request.DimonaIn = new DimonaIn { StartDate = start, JointCommittee = "XXX", WorkerType = WorkerType.Oth };
        return request;
    }

    private static EmployerId Employer(string enterpriseNumber) => new() { EnterpriseNumber = enterpriseNumber };

    /// <summary>What the calls aim at: an employer, one of its declarations, the period it created and a pending declaration.</summary>
    private sealed record Target(string Employer, string Declaration, string Period, string Pending);

    /// <summary>Each employer's declaration, period and pending declaration, made with the all-access test token.</summary>
    private sealed record World(Target OwnTarget, Target OthersTarget)
    {
        public static async Task<World> SeedAsync(DimonaServerFactory server)
        {
            var client = server.CreateDimonaClient();
            return new World(await TargetAsync(client, Own), await TargetAsync(client, Other));
        }

        public static RegisterEmployerRequest Registration() => new()
        {
            Name = "Nieuw Atelier BV",
            EnterpriseNumber = "0123456749",
            Address = new Address { Street = "Meir", HouseNumber = "50", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            Channel = RegistrationChannel.Secured,
            EmployerCategory = "000",
            NaceCodes = { "25620" },
        };

        private static async Task<Target> TargetAsync(DimonaService.DimonaServiceClient client, string employer)
        {
            var declared = (await client.SubmitDeclarationAsync(Oth(employer, "2027-02-01"), cancellationToken: Ct)).Declaration;
            var pending = Oth(employer, "2027-04-01");
            pending.Worker = new Worker { Identification = Requests.Identification() };
            var waiting = (await client.SubmitDeclarationAsync(pending, cancellationToken: Ct)).Declaration;
            Assert.Equal((DeclarationStatus.Accepted, DeclarationStatus.Pending), (declared.Status, waiting.Status));
            return new Target(employer, declared.DeclarationNumber, declared.PeriodId, waiting.DeclarationNumber);
        }
    }
}
