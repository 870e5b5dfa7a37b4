using Dimona.Client;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Client;

/// <summary>The .NET client library against the real server in memory: defaults, retries, request ids, readable errors.</summary>
public class DimonaClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddDimonaClient_GivesAClientOnTheConfiguredAddress()
    {
        await using var server = new ClientServer();

        var reply = await server.Client.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);

        Assert.Equal("Atelier Démo SA", reply.Employer.Name);
    }

    [Fact]
    public async Task Token_IsSentWithEveryCall_AndWithoutOneTheCallIsRefused()
    {
        await using var withToken = new ClientServer();
        await using var without = new ClientServer(options => options.Token = null);
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };

        var reply = await withToken.Client.IdentifyEmployerAsync(identify, cancellationToken: Ct);
        var refused = await Assert.ThrowsAsync<RpcException>(() => without.Client.IdentifyEmployerAsync(identify, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("Atelier Démo SA", reply.Employer.Name);
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_REQUIRED"), (refused.StatusCode, DimonaError.From(refused).Reason));
    }

    [Fact]
    public async Task TokenProvider_IsAskedBeforeEveryCall()
    {
        var asked = 0;
        await using var server = new ClientServer(options =>
        {
            options.Token = null;
            options.TokenProvider = _ =>
            {
                Interlocked.Increment(ref asked);
                return ValueTask.FromResult<string?>(TestTokens.Default);
            };
        });
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };

        await server.Client.IdentifyEmployerAsync(identify, cancellationToken: Ct);
        await server.Client.IdentifyEmployerAsync(identify, cancellationToken: Ct);

        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task Submit_WithoutRequestId_GetsOneThatMakesTheResendReturnTheSameDeclaration()
    {
        await using var server = new ClientServer();
        var request = Requests.Stg();
        request.RequestId = "";

        var first = await server.Client.SubmitDeclarationAsync(request, cancellationToken: Ct);
        var again = await server.Client.SubmitDeclarationAsync(request, cancellationToken: Ct);

        Assert.True(Guid.TryParse(request.RequestId, out _), request.RequestId);
        Assert.Equal(request.RequestId, first.Declaration.RequestId);
        Assert.Equal(DeclarationStatus.Accepted, first.Declaration.Status);
        Assert.Equal(first.Declaration.DeclarationNumber, again.Declaration.DeclarationNumber);
    }

    [Fact]
    public async Task Submit_AnswerLostAsUnavailable_IsRetriedAndStoredOnce()
    {
        await using var server = new ClientServer();
        server.Recorder.LoseAnswers("SubmitDeclaration", 2);
        var request = Requests.Stg();
        request.RequestId = "";

        var reply = await server.Client.SubmitDeclarationAsync(request, cancellationToken: Ct);

        Assert.Equal(DeclarationStatus.Accepted, reply.Declaration.Status);
        Assert.Equal(3, server.Recorder.CountOf("SubmitDeclaration"));
        var file = await server.Raw.ListDeclarationsAsync(
            new ListDeclarationsRequest { Employer = request.Employer, WorkerNiss = Requests.Niss }, cancellationToken: Ct);
        var stored = Assert.Single(file.Declarations);
        Assert.Equal(reply.Declaration.DeclarationNumber, stored.DeclarationNumber);
    }

    [Fact]
    public async Task Submit_WithOneAttempt_FailsWithTheUnavailable()
    {
        await using var server = new ClientServer(options => options.MaxAttempts = 1);
        server.Recorder.LoseAnswers("SubmitDeclaration", 1);

        var failure = await Assert.ThrowsAsync<RpcException>(() => server.Client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(1, server.Recorder.CountOf("SubmitDeclaration"));
    }

    [Fact]
    public async Task Register_AnswerLostAsUnavailable_IsNotRetried()
    {
        await using var server = new ClientServer();
        server.Recorder.LoseAnswers("RegisterEmployer", 1);
        var request = new RegisterEmployerRequest
        {
            Name = "Retry Test BV",
            EnterpriseNumber = "0123456749",
            Address = new Address { Street = "Kerkstraat", HouseNumber = "1", PostCode = "1000", Municipality = "Brussel", Country = "BE" },
            NaceCodes = { "56101" },
            Channel = RegistrationChannel.Unsecured,
        };

        var failure = await Assert.ThrowsAsync<RpcException>(() => server.Client.RegisterEmployerAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(1, server.Recorder.CountOf("RegisterEmployer"));
    }

    [Fact]
    public async Task UnaryCall_WithoutDeadline_GetsTheDefaultOne_AndKeepsItsOwn()
    {
        await using var server = new ClientServer(options => options.Deadline = TimeSpan.FromMinutes(7));
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };
        var own = DateTime.UtcNow.AddHours(2);

        var before = DateTime.UtcNow;
        await server.Client.IdentifyEmployerAsync(identify, cancellationToken: Ct);
        await server.Client.IdentifyEmployerAsync(identify, deadline: own, cancellationToken: Ct);

        var deadlines = server.Recorder.Calls.Select(call => call.Deadline).ToList();
        Assert.InRange(deadlines[0], before.AddMinutes(7).AddSeconds(-1), DateTime.UtcNow.AddMinutes(7).AddSeconds(1));
        Assert.InRange(deadlines[1], own.AddSeconds(-1), own.AddSeconds(1));
    }

    [Fact]
    public async Task BatchStream_GetsNoDefaultDeadline()
    {
        await using var server = new ClientServer(options => options.Deadline = TimeSpan.FromSeconds(1));

        await foreach (var _ in server.Client.SubmitBatchAsync(new[] { Requests.Stg() }.ToAsyncEnumerable(), cancellationToken: Ct))
        {
        }

        var (method, deadline) = Assert.Single(server.Recorder.Calls);
        Assert.Equal("SubmitDeclarationBatch", method);
        Assert.Equal(DateTime.MaxValue, deadline);
    }

    [Fact]
    public async Task DimonaError_OfAnInvalidArgument_NamesTheReasonAndEachBadField()
    {
        await using var server = new ClientServer();
        var request = Requests.Stg();
        request.Worker.Niss = "93051822362";
        request.DimonaIn.StartDate = "2027-02-30";

        var failure = await Assert.ThrowsAsync<RpcException>(() => server.Client.SubmitDeclarationAsync(request, cancellationToken: Ct).ResponseAsync);
        var error = DimonaError.From(failure);

        Assert.Equal(StatusCode.InvalidArgument, error.Code);
        Assert.Equal("INVALID_REQUEST", error.Reason);
        Assert.Equal(["dimona_in.start_date", "worker.niss"], error.FieldErrors.Select(field => field.Field).Order());
        Assert.Contains("  worker.niss: NISS check digits do not match (00024-003).", error.Lines());
        Assert.Equal("InvalidArgument: " + failure.Status.Detail, error.Lines()[0]);
    }

    [Fact]
    public async Task DimonaError_OfAnUnknownEmployer_HasItsReasonAndNoFields()
    {
        await using var server = new ClientServer();

        var failure = await Assert.ThrowsAsync<RpcException>(() => server.Client.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = "0123456749" } }, cancellationToken: Ct).ResponseAsync);
        var error = DimonaError.From(failure);

        Assert.Equal(StatusCode.NotFound, error.Code);
        Assert.Equal("EMPLOYER_NOT_FOUND", error.Reason);
        Assert.Empty(error.FieldErrors);
    }

    [Fact]
    public void DimonaError_OfAnErrorWithoutDetails_HasNoReason()
    {
        var error = DimonaError.From(new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.")));

        Assert.Equal(new DimonaError(StatusCode.Unavailable, "Error connecting to subchannel.", null, []).ToString(), error.ToString());
        Assert.Equal(["Unavailable: Error connecting to subchannel."], error.Lines());
    }

    [Fact]
    public async Task AnomalyLines_OfARefusedDeclaration_GiveCodeSeverityFieldAndMessage()
    {
        await using var server = new ClientServer();

        var reply = await server.Client.SubmitDeclarationAsync(Requests.Stg(Requests.InactiveEmployer), cancellationToken: Ct);

        Assert.False(reply.Declaration.IsAccepted());
        Assert.Equal(["90373-343 blocking employer: The employer is not active in the employers' register."], reply.Declaration.AnomalyLines());
    }
}
