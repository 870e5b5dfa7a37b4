using System.Collections.Concurrent;
using Dimona.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dimona.Grpc.Tests.Integration;

public class LoggingTests
{
    [Fact]
    public async Task Logs_WhileDeclaring_NeverCarryNissNamesOrBirthDates()
    {
        var sink = new CollectingLoggerProvider();
        await using var server = new DimonaServerFactory();
        using var logged = server.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink).AddFilter<CollectingLoggerProvider>(null, LogLevel.Trace))));
        var channel = GrpcChannel.ForAddress(logged.Server.BaseAddress, new() { HttpHandler = new BearerHandler(TestTokens.Default, logged.Server.CreateHandler()) });
        var client = new DimonaService.DimonaServiceClient(channel);
        var ct = TestContext.Current.CancellationToken;
        var identified = Requests.Stg();
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };
        var malformed = Requests.Stg();
        malformed.Worker.Niss = "93051822362";

        await client.SubmitDeclarationAsync(identified, cancellationToken: ct);
        await client.SubmitDeclarationAsync(pending, cancellationToken: ct);
        await Assert.ThrowsAsync<RpcException>(() => client.SubmitDeclarationAsync(malformed, cancellationToken: ct).ResponseAsync);
        using (var batch = new BatchCalls(client))
        {
            var refused = BatchCalls.Copies(identified, 1)[0];
            await batch.SendAsync(refused, BatchCalls.Copies(pending, 1)[0], BatchCalls.Copies(malformed, 1)[0]);
            await batch.WriteRefusedAsync(BatchCalls.Copies(identified, 1001));
            await batch.EndsWithAsync(StatusCode.InvalidArgument);
        }
        // A request that is not protobuf: a string field cut short right after the NISS.
        var garbage = new Method<byte[], byte[]>(MethodType.Unary, "dimona.v1.DimonaService", "SubmitDeclaration",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        byte[] truncated = [0x1A, 0x40, 0x0A, 0x0B, .. "93051822361"u8.ToArray()];
        await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(garbage, null, new CallOptions(cancellationToken: ct), truncated).ResponseAsync);

        Assert.Contains(sink.Messages, m => m.Contains("stored", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("Unparsable request", StringComparison.Ordinal));
        foreach (var secret in new[] { "93051822361", "93051822362", "Peeters", "2004-05-17", "Veldstraat" })
        {
            Assert.DoesNotContain(sink.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(Messages);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
