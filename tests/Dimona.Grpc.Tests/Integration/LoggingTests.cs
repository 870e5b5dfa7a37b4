using System.Collections.Concurrent;
using Dimona.Grpc.Hosting;
using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// What the logs of a whole session hold: numbers, statuses and codes, never a worker's NISS, name or birth date,
/// with the service's own categories at Trace and every other at Information.
/// </summary>
public class LoggingTests
{
    /// <summary>A second worker's NISS, valid, found by an operator for a pending declaration.</summary>
    private const string FoundNiss = "01041512387";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The personal data the session sends, in the forms a log could show it.</summary>
    private static readonly string[] Secrets =
        [Requests.Niss, "93051822362", FoundNiss, "93.05.18-223.61", "Peeters", "2004-05-17", "17/05/2004", "Veldstraat"];

    [Fact]
    public async Task Logs_OfAWholeSession_NeverCarryNissNamesOrBirthDates()
    {
        var sink = new CollectingLoggerProvider();
        await using var server = new DimonaServerFactory();
        using var logged = Logged(server, sink);
        var channel = GrpcChannel.ForAddress(logged.Server.BaseAddress, new() { HttpHandler = new BearerHandler(TestTokens.Default, logged.Server.CreateHandler()) });
        var client = new DimonaService.DimonaServiceClient(channel);
        var employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer };

        await client.IdentifyEmployerAsync(new IdentifyEmployerRequest { Employer = employer }, cancellationToken: Ct);
        await Fails(() => client.IdentifyEmployerAsync(new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = "0431150350" } }, cancellationToken: Ct).ResponseAsync);

        // Submissions of each kind: accepted, refused (overlap), pending, malformed, a reused request id, a preview.
        var accepted = Requests.Stg();
        var periodId = (await client.SubmitDeclarationAsync(accepted, cancellationToken: Ct)).Declaration.PeriodId;
        await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };
        var pendingNumber = (await client.SubmitDeclarationAsync(pending, cancellationToken: Ct)).Declaration.DeclarationNumber;
        var malformed = Requests.Stg();
        malformed.Worker.Niss = "93051822362";
        malformed.Worker.Identification = Requests.Identification();
        malformed.Worker.Identification.BirthDate = "17/05/2004";
        await Fails(() => client.SubmitDeclarationAsync(malformed, cancellationToken: Ct).ResponseAsync);
        var reused = Requests.Stg();
        reused.RequestId = accepted.RequestId;
        reused.DimonaIn.StartDate = "2027-02-02";
        await Fails(() => client.SubmitDeclarationAsync(reused, cancellationToken: Ct).ResponseAsync);
        var preview = Requests.Stg();
        preview.ValidateOnly = true;
        await client.SubmitDeclarationAsync(preview, cancellationToken: Ct);
        await client.SubmitDeclarationAsync(Change(employer, new() { DimonaUpdate = new DimonaUpdate { PeriodId = periodId, EndDate = "2027-03-30" } }), cancellationToken: Ct);
        await client.SubmitDeclarationAsync(Change(employer, new() { DimonaOut = new DimonaOut { PeriodId = periodId, EndDate = "2027-03-29" } }), cancellationToken: Ct);
        await client.SubmitDeclarationAsync(Change(employer, new() { DimonaCancel = new DimonaCancel { PeriodId = periodId } }), cancellationToken: Ct);

        // A batch with good, refused, pending and malformed items, then a message too large, which ends it.
        using (var batch = new BatchCalls(client))
        {
            await batch.SendAsync(BatchCalls.Copies(accepted, 1)[0], BatchCalls.Copies(pending, 1)[0], BatchCalls.Copies(malformed, 1)[0]);
            await batch.WriteRefusedAsync(BatchCalls.Copies(accepted, 1001));
            await batch.EndsWithAsync(StatusCode.InvalidArgument);
        }

        // Reads.
        await client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = pendingNumber }, cancellationToken: Ct);
        await Fails(() => client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = "000000000097" }, cancellationToken: Ct).ResponseAsync);
        await client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = employer }, cancellationToken: Ct);
        await client.ListPeriodsAsync(new ListPeriodsRequest { Employer = employer }, cancellationToken: Ct);
        await client.GetPeriodAsync(new GetPeriodRequest { PeriodId = periodId }, cancellationToken: Ct);

        // Operator calls.
        await client.ListPendingDeclarationsAsync(new ListPendingDeclarationsRequest(), cancellationToken: Ct);
        await client.ResolvePendingDeclarationAsync(new ResolvePendingDeclarationRequest { DeclarationNumber = pendingNumber, Niss = FoundNiss }, cancellationToken: Ct);
        await Fails(() => client.ResolvePendingDeclarationAsync(new ResolvePendingDeclarationRequest { DeclarationNumber = pendingNumber, Niss = FoundNiss }, cancellationToken: Ct).ResponseAsync);
        var registered = (await client.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured), cancellationToken: Ct)).Employer;
        await client.ConfirmEmployerRegistrationAsync(new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = registered.ProvisionalOnssNumber }, cancellationToken: Ct);

        // A request that is not protobuf: a string field cut short right after the NISS.
        var garbage = new Method<byte[], byte[]>(MethodType.Unary, "dimona.v1.DimonaService", "SubmitDeclaration",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        byte[] truncated = [0x1A, 0x40, 0x0A, 0x0B, .. "93051822361"u8.ToArray()];
        await Fails(() => channel.CreateCallInvoker().AsyncUnaryCall(garbage, null, new CallOptions(cancellationToken: Ct), truncated).ResponseAsync);

        Assert.Contains(sink.Messages, m => m.Contains("stored", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("Committed", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("Unparsable request", StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("Request finished", StringComparison.Ordinal));
        AssertNoSecrets(sink);
    }

    [Fact]
    public async Task Logs_ABugQuotingPersonalData_KeepTheExceptionTypeAndStack_EraseItsMessage()
    {
        var sink = new CollectingLoggerProvider();
        await using var server = new DimonaServerFactory();
        using var logged = Logged(server, sink);
        var logger = logged.Services.GetRequiredService<ILogger<Submissions>>();

        try
        {
            throw new FormatException($"The input string '{Requests.Niss}' (Peeters, 2004-05-17) was not in a correct format.");
        }
        catch (FormatException e)
        {
            logger.Failed(e, "A declaration failed its stateless checks and was answered INTERNAL");
        }

        var line = Assert.Single(sink.Messages, m => m.Contains("answered INTERNAL", StringComparison.Ordinal));
        Assert.Contains("System.FormatException", line, StringComparison.Ordinal);
        Assert.Contains(nameof(Logs_ABugQuotingPersonalData_KeepTheExceptionTypeAndStack_EraseItsMessage), line, StringComparison.Ordinal);
        AssertNoSecrets(sink);
        await Task.CompletedTask;
    }

    private static WebApplicationFactory<DimonaGrpcService> Logged(DimonaServerFactory server, CollectingLoggerProvider sink) =>
        server.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information")
            .UseSetting("Logging:LogLevel:Dimona", "Trace")
            .ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink))));

    private static void AssertNoSecrets(CollectingLoggerProvider sink)
    {
        Assert.NotEmpty(sink.Messages);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(sink.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static SubmitDeclarationRequest Change(EmployerId employer, SubmitDeclarationRequest change)
    {
        change.RequestId = Guid.NewGuid().ToString();
        change.Employer = employer;
        return change;
    }

    private static Task Fails(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, Messages);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            /// <summary>The line as a provider writes it, plus every structured value, plus the exception.</summary>
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {values} | {exception}");
            }
        }
    }
}
