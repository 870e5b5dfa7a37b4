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
        var client = new DimonaService.DimonaServiceClient(
            GrpcChannel.ForAddress(logged.Server.BaseAddress, new() { HttpHandler = logged.Server.CreateHandler() }));
        var ct = TestContext.Current.CancellationToken;
        var identified = Requests.Stg();
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };
        var malformed = Requests.Stg();
        malformed.Worker.Niss = "93051822362";

        await client.SubmitDeclarationAsync(identified, cancellationToken: ct);
        await client.SubmitDeclarationAsync(pending, cancellationToken: ct);
        await Assert.ThrowsAsync<RpcException>(() => client.SubmitDeclarationAsync(malformed, cancellationToken: ct).ResponseAsync);

        Assert.Contains(sink.Messages, m => m.Contains("stored", StringComparison.Ordinal));
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
