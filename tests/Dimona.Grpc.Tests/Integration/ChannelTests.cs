using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Scopes = Dimona.Grpc.Domain.Scopes;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// The two channels and the tokens at the door: with the unsecured channel on, a call without a token may submit
/// and is answered with the confirmation alone, but may read nothing; a token that is not valid is refused
/// UNAUTHENTICATED whatever the channel, never taken as no token; health stays open.
/// </summary>
public sealed class ChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unsecured_Submission_IsAnsweredWithTheConfirmationOnly_NothingOfTheWorker()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        var anonymous = server.CreateDimonaClient(token: null);
        var request = Requests.Stg();
        request.Worker = new Worker { Identification = Requests.Identification() };

        var answer = (await anonymous.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Pending, answer.Status);
        Assert.Matches("^[0-9]{12}$", answer.DeclarationNumber);
        Assert.Equal(request.RequestId, answer.RequestId);
        Assert.Null(answer.Worker);
        Assert.Equal(Declaration.ContentOneofCase.None, answer.ContentCase);
        Assert.Equal("", answer.Reference);
        Assert.DoesNotContain("Peeters", answer.ToString(), StringComparison.Ordinal);
        // Stored in full all the same: the employer reads it back on the secured channel.
        var stored = (await server.CreateDimonaClient().GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = answer.DeclarationNumber }, cancellationToken: Ct)).Declaration;
        Assert.Equal("Peeters", stored.Worker.Identification.FamilyName);
    }

    [Fact]
    public async Task Unsecured_BatchItems_AreAnsweredWithTheConfirmationOnly()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        using var call = server.CreateDimonaClient(token: null).SubmitDeclarationBatch(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new SubmitDeclarationBatchRequest { Items = { Requests.Stg() } }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var declaration = call.ResponseStream.Current.Results[0].Declaration;

        Assert.Equal(DeclarationStatus.Accepted, declaration.Status);
        Assert.Equal((null, Declaration.ContentOneofCase.None), (declaration.Worker, declaration.ContentCase));
    }

    [Fact]
    public async Task Unsecured_Refusal_GivesCodesAndFields_NoExplanationQuotingStoredFacts()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        var stored = (await server.CreateDimonaClient().SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        var answer = (await server.CreateDimonaClient(token: null).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Refused, answer.Status);
        var overlap = Assert.Single(answer.Anomalies);
        Assert.Equal(("90373-333", Confirmation.ExplanationWithheld), (overlap.Code, overlap.Message));
        Assert.NotEqual("", overlap.Field);
        Assert.DoesNotContain(stored.PeriodId, answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsecured_ResendingASecuredRequest_IsNotAnsweredWithItsNumber_ItsOwnRetriesAre()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        var anonymous = server.CreateDimonaClient(token: null);
        var secured = Requests.Stg();
        var stored = (await server.CreateDimonaClient().SubmitDeclarationAsync(secured, cancellationToken: Ct)).Declaration;

        var resent = (await anonymous.SubmitDeclarationAsync(secured, cancellationToken: Ct)).Declaration;
        var own = Requests.Stg();
        own.DimonaIn.StartDate = "2027-06-01";
        own.DimonaIn.EndDate = "2027-06-30";
        var first = (await anonymous.SubmitDeclarationAsync(own, cancellationToken: Ct)).Declaration;
        var retried = (await anonymous.SubmitDeclarationAsync(own, cancellationToken: Ct)).Declaration;
        var readBack = (await server.CreateDimonaClient().GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = first.DeclarationNumber }, cancellationToken: Ct)).Declaration;

        // A new declaration, refused as the same period: neither the secured number nor its period id comes back.
        Assert.NotEqual(stored.DeclarationNumber, resent.DeclarationNumber);
        Assert.Equal(DeclarationStatus.Refused, resent.Status);
        Assert.DoesNotContain(stored.PeriodId, resent.ToString(), StringComparison.Ordinal);
        Assert.Equal(secured.RequestId, resent.RequestId);
        // The unsecured caller's own retry is answered with its declaration, stored with the request id it gave.
        Assert.Equal((first.DeclarationNumber, DeclarationStatus.Accepted), (retried.DeclarationNumber, retried.Status));
        Assert.Equal(own.RequestId, readBack.RequestId);
    }

    [Fact]
    public async Task Unsecured_Preview_IsRefused_ItWouldProbeWithoutStoring()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        var anonymous = server.CreateDimonaClient(token: null);
        var preview = Requests.Stg();
        preview.ValidateOnly = true;

        var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.SubmitDeclarationAsync(preview, cancellationToken: Ct).ResponseAsync);
        using var batch = new BatchCalls(anonymous);
        var results = await batch.SendAsync(preview, Requests.Stg());

        Assert.Equal("SECURED_CHANNEL_REQUIRED", status.Reason());
        Assert.Equal(["validate_only"], status.BadFields());
        Assert.Equal((int)StatusCode.Unauthenticated, results[0].Error.Code);
        Assert.Equal(DeclarationStatus.Accepted, results[1].Declaration.Status);
    }

    [Fact]
    public async Task Unsecured_ReadsAndOperatorCalls_NeedTheSecuredChannel()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        var anonymous = server.CreateDimonaClient(token: null);
        var number = (await anonymous.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration.DeclarationNumber;

        var get = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = number }, cancellationToken: Ct).ResponseAsync);
        var list = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.ListDeclarationsAsync(
            new ListDeclarationsRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct).ResponseAsync);
        var pending = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.ListPendingDeclarationsAsync(
            new ListPendingDeclarationsRequest(), cancellationToken: Ct).ResponseAsync);
        var identified = await anonymous.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);

        Assert.All(new[] { get, list, pending }, status => Assert.Equal("SECURED_CHANNEL_REQUIRED", status.Reason()));
        Assert.Equal("Atelier Démo SA", identified.Employer.Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InvalidTokens_AreRefusedUnauthenticated_OnEitherChannel(bool unsecuredChannel)
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: unsecuredChannel);
        var employers = new[] { Requests.DefinitiveEmployer };
        var otherKey = Convert.ToBase64String(new byte[32]);
        var tokens = new Dictionary<string, string>
        {
            ["expired"] = TestTokens.Mint(employers, Scopes.Declare, lifetime: TimeSpan.FromHours(1)),
            ["signature"] = TestTokens.Mint(employers, Scopes.Declare, key: otherKey),
            ["audience"] = TestTokens.Mint(employers, Scopes.Declare, audience: "another-service"),
            ["issuer"] = TestTokens.Mint(employers, Scopes.Declare, issuer: "someone-else"),
            ["not a valid token"] = "not-a-jwt",
        };

        foreach (var (why, token) in tokens)
        {
            var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => server.CreateDimonaClient(token)
                .SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
            Assert.Equal("INVALID_TOKEN", status.Reason());
            Assert.Contains(why, status.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Token_WithoutSubject_IsRefused()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => server.CreateDimonaClient(TestTokens.Mint([Requests.DefinitiveEmployer], Scopes.Declare, subject: " "))
            .SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal("INVALID_TOKEN", status.Reason());
    }

    [Fact]
    public async Task Health_AnswersWithoutAToken()
    {
        await using var server = new DimonaServerFactory();

        var reply = await new Health.HealthClient(server.CreateChannel(token: null)).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Employer_NamedByAnyOfItsNumbers_IsTheTokensEmployer()
    {
        await using var server = new DimonaServerFactory();
        var byOnss = server.CreateDimonaClient(TestTokens.Mint([Requests.ProvisionalOnss], Scopes.Declare));
        var request = Requests.Stg(Requests.ProvisionalEmployer);
        request.DimonaIn = new DimonaIn { StartDate = "2027-02-01", JointCommittee = "XXX", WorkerType = WorkerType.Oth };

        var answer = (await byOnss.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Accepted, answer.Status);
    }
}
