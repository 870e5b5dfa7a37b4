using Dimona.Grpc.Hosting;
using Dimona.V1;
using Google.Rpc;
using Grpc.Net.Client;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Rate limiting per employer, message sizes, the maximum deadline and reflection by configuration.</summary>
public class LimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Identify_PastTheEmployersBurst_IsResourceExhaustedWithRetryInfo_OtherEmployersGoOn()
    {
        await using var server = new DimonaServerFactory();
        using var limited = server.WithWebHostBuilder(b => b.UseSetting("Dimona:RateLimit:PermitsPerSecond", "1").UseSetting("Dimona:RateLimit:Burst", "2"));
        var client = Client(limited);
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };

        RpcException? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            refused = await Record.ExceptionAsync(() => client.IdentifyEmployerAsync(identify, cancellationToken: Ct).ResponseAsync) as RpcException;
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var status = refused.GetRpcStatus()!;
        Assert.Equal("RATE_LIMITED", status.Reason());
        Assert.True(status.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero, "No RetryInfo with a delay.");
        var other = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.ProvisionalEmployer } };
        await client.IdentifyEmployerAsync(other, cancellationToken: Ct);
    }

    [Fact]
    public async Task Batch_AnEmployerPastItsBurst_ItsItemsRefusedInTheirSlots_OtherItemsAndTheStreamGoOn()
    {
        await using var server = new DimonaServerFactory();
        using var limited = server.WithWebHostBuilder(b => b.UseSetting("Dimona:RateLimit:PermitsPerSecond", "1").UseSetting("Dimona:RateLimit:Burst", "2"));
        using var batch = new BatchCalls(Client(limited));

        var first = await batch.SendAsync(Requests.Stg(), Requests.Stg(Requests.ProvisionalEmployer), Requests.Stg());
        var second = await batch.SendAsync(Requests.Stg(), Requests.Stg(Requests.ProvisionalEmployer), Requests.Stg());
        await batch.CompleteAsync();

        Assert.All(first, r => Assert.Equal(BatchItemResult.ResultOneofCase.Declaration, r.ResultCase));
        Assert.Equal(3, second.Count);
        Assert.Equal(BatchItemResult.ResultOneofCase.Declaration, second[1].ResultCase);
        foreach (var refused in new[] { second[0], second[2] })
        {
            Assert.Equal((int)StatusCode.ResourceExhausted, refused.Error.Code);
            Assert.Equal("RATE_LIMITED", refused.Error.Reason());
            Assert.NotNull(refused.Error.GetDetail<RetryInfo>());
        }
    }

    [Fact]
    public async Task RateLimit_CallsForAnEmployerByOthers_NeverUseUpThatEmployersBucket()
    {
        await using var server = new DimonaServerFactory(unsecuredChannel: true);
        using var limited = server.WithWebHostBuilder(b => b.UseSetting("Dimona:RateLimit:PermitsPerSecond", "1").UseSetting("Dimona:RateLimit:Burst", "3"));
        var stranger = new DimonaService.DimonaServiceClient(Channel(limited, TestTokens.Mint([Requests.ProvisionalEmployer], TestTokens.AllScopes, subject: "stranger")));
        var anonymous = new DimonaService.DimonaServiceClient(Channel(limited, token: null));
        var own = Client(limited);
        var employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer };

        // A token that does not name the employer, then calls without a token, each past the burst.
        for (var i = 0; i < 5; i++)
        {
            await Record.ExceptionAsync(() => stranger.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = employer }, cancellationToken: Ct).ResponseAsync);
            await Record.ExceptionAsync(() => anonymous.IdentifyEmployerAsync(new IdentifyEmployerRequest { Employer = employer }, cancellationToken: Ct).ResponseAsync);
        }
        var strangerRefused = await Record.ExceptionAsync(() => stranger.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = employer }, cancellationToken: Ct).ResponseAsync);

        // The employer's own clients still have their whole burst.
        for (var i = 0; i < 3; i++)
        {
            await own.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = employer }, cancellationToken: Ct);
        }
        Assert.Equal(StatusCode.ResourceExhausted, Assert.IsType<RpcException>(strangerRefused).StatusCode);
    }

    [Fact]
    public async Task Identify_RateLimitOff_ByDefault_NeverRefused()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };

        for (var i = 0; i < 50; i++)
        {
            await client.IdentifyEmployerAsync(identify, cancellationToken: Ct);
        }
    }

    [Fact]
    public async Task Submit_OverTheConfiguredReceiveSize_IsResourceExhausted()
    {
        await using var server = new DimonaServerFactory();
        using var small = server.WithWebHostBuilder(b => b.UseSetting("Dimona:Limits:MaxReceiveMessageBytes", "100"));
        var client = Client(small);
        var request = Requests.Stg();
        request.Reference = "";
        request.Worker = new Worker { Identification = Requests.Identification() };

        await RpcAssertCode(StatusCode.ResourceExhausted, () => client.SubmitDeclarationAsync(request, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task Identify_ResponseOverTheConfiguredSendSize_IsResourceExhausted()
    {
        await using var server = new DimonaServerFactory();
        using var small = server.WithWebHostBuilder(b => b.UseSetting("Dimona:Limits:MaxSendMessageBytes", "20"));
        var client = Client(small);
        var identify = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } };

        await RpcAssertCode(StatusCode.ResourceExhausted, () => client.IdentifyEmployerAsync(identify, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task DeadlineCap_CallWithoutDeadline_RunsUnderTheCeilingAndEndsDeadlineExceeded()
    {
        var cap = new DeadlineCap(Microsoft.Extensions.Options.Options.Create(new LimitOptions { MaxDeadline = TimeSpan.FromMilliseconds(200) }));
        var context = new TestCallContext(DateTime.MaxValue);
        DateTime seen = default;

        var e = await Assert.ThrowsAsync<RpcException>(() => cap.UnaryServerHandler<string, string>("request", context, async (_, capped) =>
        {
            seen = capped.Deadline;
            await Task.Delay(Timeout.Infinite, capped.CancellationToken);
            return "never";
        }));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(seen < DateTime.UtcNow.AddSeconds(1), $"The handler saw the deadline {seen:O}.");
    }

    [Fact]
    public async Task DeadlineCap_SubSecondCeiling_MessageNamesItInMilliseconds()
    {
        var cap = new DeadlineCap(Microsoft.Extensions.Options.Options.Create(new LimitOptions { MaxDeadline = TimeSpan.FromMilliseconds(1) }));

        var e = await Assert.ThrowsAsync<RpcException>(() => cap.UnaryServerHandler<string, string>("request", new TestCallContext(DateTime.MaxValue), async (_, capped) =>
        {
            await Task.Delay(Timeout.Infinite, capped.CancellationToken);
            return "never";
        }));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("maximum deadline of 1 ms", e.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 ms")]
    [InlineData(250, "250 ms")]
    [InlineData(1_000, "1 s")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(60_000, "60 s")]
    public void DeadlineCap_Describe_SaysSecondsFromOneSecondAndMillisecondsBelow(int milliseconds, string expected) =>
        Assert.Equal(expected, DeadlineCap.Describe(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public async Task DeadlineCap_CallWithinTheCeiling_KeepsItsOwnDeadline()
    {
        var cap = new DeadlineCap(Microsoft.Extensions.Options.Options.Create(new LimitOptions { MaxDeadline = TimeSpan.FromMinutes(1) }));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var context = new TestCallContext(deadline);

        var answer = await cap.UnaryServerHandler<string, string>("request", context, (_, seen) => Task.FromResult(seen.Deadline == deadline ? "own" : "capped"));

        Assert.Equal("own", answer);
    }

    [Fact]
    public async Task Reflection_InProduction_IsOffUnlessConfigured()
    {
        await using var server = new DimonaServerFactory();
        using var production = server.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var configured = server.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting(OpsExtensions.ReflectionKey, "true"));

        await RpcAssertCode(StatusCode.Unimplemented, () => ListServicesAsync(Channel(production)));
        Assert.Contains("dimona.v1.DimonaService", await ListServicesAsync(Channel(configured)));
    }

    private static async Task<IReadOnlyList<string>> ListServicesAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: Ct);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }

    private static GrpcChannel Channel(WebApplicationFactory<Services.DimonaGrpcService> server) => Channel(server, TestTokens.Default);

    private static GrpcChannel Channel(WebApplicationFactory<Services.DimonaGrpcService> server, string? token) =>
        GrpcChannel.ForAddress(server.Server.BaseAddress, new() { HttpHandler = new BearerHandler(token, server.Server.CreateHandler()) });

    private static DimonaService.DimonaServiceClient Client(WebApplicationFactory<Services.DimonaGrpcService> server) => new(Channel(server));

    private static async Task RpcAssertCode(StatusCode code, Func<Task> call) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);

    /// <summary>A call's context outside ASP.NET Core, with an HttpContext where gRPC keeps one for custom contexts.</summary>
    private sealed class TestCallContext(DateTime deadline) : ServerCallContext
    {
        private readonly Dictionary<object, object> userState = new() { ["__HttpContext"] = new DefaultHttpContext() };

        protected override string MethodCore => "/dimona.v1.DimonaService/IdentifyEmployer";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => deadline;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => TestContext.Current.CancellationToken;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override global::Grpc.Core.Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override IDictionary<object, object> UserStateCore => userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
