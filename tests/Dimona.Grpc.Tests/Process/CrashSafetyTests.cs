using System.Collections.Concurrent;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Process;

[Collection(ProcessCollection.Name)]
public class CrashSafetyTests
{
    private const int Items = 30_000;
    private const int ItemsPerMessage = 500;
    private const int KillAfterAnswers = 5_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The issue's crash test: stream a large batch to the real server on a file, SIGKILL it mid-stream, restart it
    /// on the same file, resend every item that has no answer with the same request_id; then every acknowledged
    /// declaration exists exactly once, and no item is stored twice.
    /// </summary>
    [Fact(Timeout = 110_000)]
    public async Task SubmitDeclarationBatch_KilledMidStreamThenUnansweredResent_EveryItemStoredOnceAndAcknowledgedKept()
    {
        using var temp = new TempPaths();
        var path = temp.NewPath();
        var items = Enumerable.Range(0, Items).Select(Workers.Stg).ToArray();
        var messages = Workers.Messages(items, ItemsPerMessage);
        var acknowledged = new ConcurrentDictionary<string, string>();
        var errors = new ConcurrentBag<string>();
        int messagesSentAtKill, answersAtKill;

        await using (var first = await ServerProcess.StartReadyAsync(path, Ct))
        {
            var client = new DimonaService.DimonaServiceClient(first.CreateChannel());
            using var call = client.SubmitDeclarationBatch(cancellationToken: Ct);
            var sent = 0;
            var writing = Task.Run(async () =>
            {
                foreach (var message in messages)
                {
                    await call.RequestStream.WriteAsync(message, Ct);
                    Interlocked.Increment(ref sent);
                }
                await call.RequestStream.CompleteAsync();
            }, Ct);

            var answered = 0;
            messagesSentAtKill = -1;
            try
            {
                while (await call.ResponseStream.MoveNext(Ct))
                {
                    var offset = answered;
                    var results = call.ResponseStream.Current.Results;
                    for (var i = 0; i < results.Count; i++)
                    {
                        Record(items[offset + i], results[i], acknowledged, errors);
                    }
                    answered += results.Count;
                    if (answered >= KillAfterAnswers && messagesSentAtKill < 0)
                    {
                        messagesSentAtKill = Volatile.Read(ref sent);
                        first.Kill();
                    }
                }
            }
            catch (RpcException)
            {
                // The stream breaks when the server dies.
            }
            answersAtKill = answered;
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
            // The writer fails once the server is gone (or had sent everything): either is fine here.
            await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(10), Ct));
        }

        Assert.True(messagesSentAtKill >= 0, $"The stream ended after {answersAtKill} answers, before the kill.");
        Assert.True(messagesSentAtKill < messages.Count, "The client had sent every message before the kill: not mid-stream.");

        var resend = items.Where(item => !acknowledged.ContainsKey(item.RequestId)).ToList();
        var resent = new Dictionary<string, string>();
        await using var second = await ServerProcess.StartReadyAsync(path, Ct);
        var storedBeforeResend = await SqliteFile.CountDeclarationsAsync(path, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Killed after {answersAtKill} answers with {messagesSentAtKill} of {messages.Count} messages sent; " +
            $"{storedBeforeResend} declarations on disk after the restart ({storedBeforeResend - acknowledged.Count} stored but unanswered).");
        Assert.True(storedBeforeResend >= acknowledged.Count, $"{storedBeforeResend} declarations on disk for {acknowledged.Count} acknowledged.");
        var client2 = new DimonaService.DimonaServiceClient(second.CreateChannel());
        using (var call = client2.SubmitDeclarationBatch(cancellationToken: Ct))
        {
            var resendMessages = Workers.Messages(resend, ItemsPerMessage);
            var writing = Task.Run(async () =>
            {
                foreach (var message in resendMessages)
                {
                    await call.RequestStream.WriteAsync(message, Ct);
                }
                await call.RequestStream.CompleteAsync();
            }, Ct);
            var answered = 0;
            var resentErrors = new ConcurrentBag<string>();
            var resentAcknowledged = new ConcurrentDictionary<string, string>();
            while (await call.ResponseStream.MoveNext(Ct))
            {
                var results = call.ResponseStream.Current.Results;
                for (var i = 0; i < results.Count; i++)
                {
                    Record(resend[answered + i], results[i], resentAcknowledged, resentErrors);
                }
                answered += results.Count;
            }
            await writing;
            Assert.Empty(resentErrors);
            Assert.Equal(resend.Count, answered);
            foreach (var (requestId, number) in resentAcknowledged)
            {
                resent[requestId] = number;
            }
        }
        Assert.Empty(errors);

        // The file itself, read beside the running server.
        var stored = new Dictionary<string, List<string>>();
        var rows = 0;
        await using (var connection = await SqliteFile.OpenReadOnlyAsync(path, Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT RequestId, DeclarationNumber FROM Declarations";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                rows++;
                var requestId = reader.GetString(0);
                if (!stored.TryGetValue(requestId, out var numbers))
                {
                    stored[requestId] = numbers = [];
                }
                numbers.Add(reader.GetString(1));
            }
        }

        var twice = stored.Where(s => s.Value.Count > 1).Select(s => s.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} request ids stored more than once, e.g. {string.Join(", ", twice.Take(5))}");
        var missing = items.Select(i => i.RequestId).Where(id => !stored.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} items not stored, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Equal(Items, rows);
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var n) || n[0] != a.Value).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged declarations missing or changed, e.g. {string.Join(", ", lost.Take(5))}");
        var changed = resent.Where(a => stored[a.Key][0] != a.Value).Select(a => a.Key).ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} resent items answered with another number than stored, e.g. {string.Join(", ", changed.Take(5))}");

        // And over gRPC: a sample of the numbers acknowledged before the kill read back with their request ids.
        foreach (var (requestId, number) in acknowledged.OrderBy(a => a.Key, StringComparer.Ordinal).Take(25))
        {
            var read = await client2.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = number }, cancellationToken: Ct);
            Assert.Equal(requestId, read.Declaration.RequestId);
            Assert.Equal(number, read.Declaration.DeclarationNumber);
        }
    }

    private static void Record(SubmitDeclarationRequest item, BatchItemResult result, ConcurrentDictionary<string, string> acknowledged, ConcurrentBag<string> errors)
    {
        if (result.Declaration is { } declaration && declaration.RequestId == item.RequestId && declaration.Status == DeclarationStatus.Accepted)
        {
            acknowledged[item.RequestId] = declaration.DeclarationNumber;
        }
        else
        {
            errors.Add($"{item.RequestId}: {result}");
        }
    }
}
