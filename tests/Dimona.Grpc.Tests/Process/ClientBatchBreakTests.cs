using System.Runtime.CompilerServices;
using Dimona.Client;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// <see cref="DimonaBatch.SubmitBatchAsync"/> when the stream ends early, against the real server as a process: every
/// declaration the server stored has its answer yielded to the caller before the exception that says why it ended.
/// </summary>
[Collection(ProcessCollection.Name)]
public class ClientBatchBreakTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// SIGTERM while the caller reads answers at a modest pace: the server answers every message it read and ends the
    /// stream UNAVAILABLE; the writer's next write failing first must not cancel the call and drop the answers already
    /// on their way. When the process then closes its connections while the caller is still sending, TCP may reset the
    /// connection and take answers already sent but not yet read with it, so what holds is this: every answer yielded
    /// is stored, and sending the same items again (same request ids) to the restarted server stores nothing twice.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task SubmitBatchAsync_Sigterm_WithAPacedReader_EndsUnavailable_AndResendingStoresNothingTwice()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid().ToString()).ToArray();
        using var temp = new TempPaths();
        var database = temp.NewPath();
        var answered = 0;
        long stored;
        await using (var server = await ServerProcess.StartReadyAsync(database, Ct))
        {
            var client = DimonaClient.Create(new DimonaClientOptions { Address = server.Address, Token = Integration.TestTokens.Default });
            var failure = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var answer in client.SubmitBatchAsync(Items(ids.Length, failAt: -1, Ct, ids), messageSize: 100, cancellationToken: Ct))
                {
                    Assert.Equal(ids[(int)answer.Index], answer.Request.RequestId);
                    answered++;
                    if (answered == 1000)
                    {
                        server.Terminate();
                    }

                    if (answered % 100 == 0)
                    {
                        await Task.Delay(30, Ct);
                    }
                }
            });
            await server.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
            stored = await SqliteFile.CountDeclarationsAsync(database, Ct);
            Assert.True(failure.StatusCode == StatusCode.Unavailable, $"The caller got {failure.Status}; {answered} answers yielded, {stored} stored.");
            Assert.InRange(answered, 1000, stored);
        }

        // The caller sends again what it has no answer for, and some it never sent: each item stored once.
        var resent = (int)stored + 500;
        await using (var restarted = await ServerProcess.StartReadyAsync(database, Ct))
        {
            var client = DimonaClient.Create(new DimonaClientOptions { Address = restarted.Address, Token = Integration.TestTokens.Default });
            await foreach (var answer in client.SubmitBatchAsync(Items(resent, failAt: -1, Ct, ids), messageSize: 100, cancellationToken: Ct))
            {
                Assert.Equal(DeclarationStatus.Accepted, answer.Result.Declaration.Status);
            }

            Assert.Equal(resent, await SqliteFile.CountDeclarationsAsync(database, Ct));
        }
    }

    /// <summary>
    /// An input that fails after some messages were sent: the server stores them, so their answers (with the request
    /// ids the library generated) must reach the caller before the input's exception; otherwise a rerun of the fixed
    /// input, with new request ids, would store them a second time.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task SubmitBatchAsync_InputFails_YieldsTheAnswersOfWhatWasSent_ThenTheInputsException()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var client = DimonaClient.Create(new DimonaClientOptions { Address = server.Address, Token = Integration.TestTokens.Default });
        var answered = 0;

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in client.SubmitBatchAsync(Items(100_000, failAt: 450, Ct), messageSize: 100, cancellationToken: Ct))
            {
                answered++;
            }
        });
        var stored = await SqliteFile.CountDeclarationsAsync(server.DatabasePath, Ct);

        Assert.True(stored == answered, $"{stored} declarations stored, {answered} answers yielded to the caller.");
    }

    /// <summary>
    /// A server that freezes (SIGSTOP) mid-batch: no deadline ends the stream, the keep-alive ping does, with
    /// UNAVAILABLE after the answers received.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task SubmitBatchAsync_ServerFreezes_KeepAliveEndsTheStreamAsUnavailable()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var client = DimonaClient.Create(new DimonaClientOptions
        {
            Address = server.Address,
            Token = Integration.TestTokens.Default,
            KeepAlivePingDelay = TimeSpan.FromSeconds(1),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(1),
        });
        var answered = 0;

        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.SubmitBatchAsync(Items(100_000, failAt: -1, Ct), messageSize: 100, cancellationToken: Ct))
            {
                if (++answered == 100)
                {
                    server.Freeze();
                }
            }
        });

        Assert.True(failure.StatusCode == StatusCode.Unavailable, $"{failure.Status} / {failure.Status.DebugException}");
        Assert.InRange(answered, 100, 100_000 - 1);
    }

    private static async IAsyncEnumerable<SubmitDeclarationRequest> Items(
        int count, int failAt, [EnumeratorCancellation] CancellationToken ct = default, IReadOnlyList<string>? requestIds = null)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAt)
            {
                throw new IOException($"the input is damaged at item {i}");
            }

            var item = Workers.Stg(i);
            item.RequestId = requestIds?[i] ?? "";
            yield return item;
        }

        await Task.Yield();
        ct.ThrowIfCancellationRequested();
    }
}
