using Dimona.Client;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dimona.Grpc.Tests.Client;

/// <summary>
/// The real server in memory with a <see cref="CallRecorder"/> in front of its service, and the library's client
/// registered through <see cref="DimonaClient.AddDimonaClient"/> on it.
/// </summary>
public sealed class ClientServer : IAsyncDisposable
{
    private readonly DimonaServerFactory factory = new();
    private readonly ServiceProvider clientServices;

    public ClientServer(Action<DimonaClientOptions>? configure = null)
    {
        // No deadline ceiling (Dimona:Limits:MaxDeadline): the recorder sees the deadline the client sent.
        var server = factory.WithWebHostBuilder(builder => builder.UseSetting("Dimona:Limits:MaxDeadline", "0").ConfigureTestServices(services =>
        {
            services.AddSingleton(Recorder);
            services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<CallRecorder>());
        }));
        var services = new ServiceCollection();
        services.AddDimonaClient(options =>
            {
                options.Address = server.Server.BaseAddress;
                options.Token = TestTokens.Default;
                configure?.Invoke(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => server.Server.CreateHandler());
        clientServices = services.BuildServiceProvider();
        Client = clientServices.GetRequiredService<DimonaService.DimonaServiceClient>();
        Raw = new DimonaService.DimonaServiceClient(GrpcChannel.ForAddress(server.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerHandler(TestTokens.Default, server.Server.CreateHandler()) }));
    }

    public CallRecorder Recorder { get; } = new();

    /// <summary>The library's client, as an application gets it from dependency injection.</summary>
    public DimonaService.DimonaServiceClient Client { get; }

    /// <summary>A bare generated client on the same server, for checking what was stored.</summary>
    public DimonaService.DimonaServiceClient Raw { get; }

    public async ValueTask DisposeAsync()
    {
        await clientServices.DisposeAsync();
        await factory.DisposeAsync();
    }
}

/// <summary>
/// Records each call's method and the deadline the server saw; told to, answers a method's next calls with
/// UNAVAILABLE after handling them, as when an answer is lost on the way back.
/// </summary>
public sealed class CallRecorder : Interceptor
{
    private readonly Lock gate = new();
    private readonly List<(string Method, DateTime Deadline)> calls = [];
    private readonly Dictionary<string, int> answersToLose = [];

    public IReadOnlyList<(string Method, DateTime Deadline)> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public int CountOf(string method) => Calls.Count(call => call.Method == method);

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> are handled, then answered UNAVAILABLE.</summary>
    public void LoseAnswers(string method, int count)
    {
        lock (gate)
        {
            answersToLose[method] = count;
        }
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = Record(context);
        var response = await continuation(request, context);
        lock (gate)
        {
            if (answersToLose.TryGetValue(method, out var left) && left > 0)
            {
                answersToLose[method] = left - 1;
                throw new RpcException(new Status(StatusCode.Unavailable, "The answer was lost (test)."));
            }
        }

        return response;
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Record(context);
        return continuation(requestStream, responseStream, context);
    }

    private string Record(ServerCallContext context)
    {
        var method = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        lock (gate)
        {
            calls.Add((method, context.Deadline));
        }

        return method;
    }
}
