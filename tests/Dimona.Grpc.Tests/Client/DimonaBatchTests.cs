using System.Runtime.CompilerServices;
using Dimona.Client;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Client;

/// <summary><see cref="DimonaBatch.SubmitBatchAsync"/> against the real server in memory.</summary>
public class DimonaBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitBatch_AnswersEveryDeclarationInInputOrder_WithErrorsInTheirPlace()
    {
        await using var server = new ClientServer();
        var input = Enumerable.Range(0, 23).Select(i => i % 5 == 3 ? BadNiss(i) : Workers.Stg(i)).ToList();

        var answers = await server.Client.SubmitBatchAsync(input.ToAsyncEnumerable(), messageSize: 4, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 23).Select(i => (long)i), answers.Select(answer => answer.Index));
        Assert.Equal(input.Select(request => request.RequestId), answers.Select(answer => answer.Request.RequestId));
        foreach (var answer in answers)
        {
            if (answer.Index % 5 == 3)
            {
                Assert.Null(answer.Declaration);
                Assert.Equal(StatusCode.InvalidArgument, answer.Error!.Code);
                Assert.Equal("worker.niss", Assert.Single(answer.Error.FieldErrors).Field);
            }
            else
            {
                Assert.Null(answer.Error);
                Assert.Equal(DeclarationStatus.Accepted, answer.Declaration!.Status);
                Assert.Equal(answer.Request.RequestId, answer.Declaration.RequestId);
            }
        }

        Assert.Equal("SubmitDeclarationBatch", Assert.Single(server.Recorder.Calls).Method);
    }

    [Fact]
    public async Task SubmitBatch_GivesARequestIdToEachDeclarationWithout()
    {
        await using var server = new ClientServer();
        var input = Enumerable.Range(0, 3).Select(i => Workers.Stg(i)).ToList();
        input.ForEach(request => request.RequestId = "");

        var answers = await server.Client.SubmitBatchAsync(input.ToAsyncEnumerable(), cancellationToken: Ct).ToListAsync(Ct);

        Assert.All(answers, answer => Assert.True(Guid.TryParse(answer.Declaration!.RequestId, out _)));
        Assert.Equal(input.Select(request => request.RequestId), answers.Select(answer => answer.Declaration!.RequestId));
        Assert.Equal(3, answers.Select(answer => answer.Declaration!.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task SubmitBatch_OfNothing_AnswersNothing()
    {
        await using var server = new ClientServer();

        var answers = await server.Client.SubmitBatchAsync(AsyncEnumerable.Empty<SubmitDeclarationRequest>(), cancellationToken: Ct).ToListAsync(Ct);

        Assert.Empty(answers);
    }

    [Fact]
    public async Task SubmitBatch_ReadingSlowly_HoldsTheInputBack()
    {
        await using var server = new ClientServer();
        var pulled = 0;
        var input = Counting(Enumerable.Range(0, 2000).Select(Workers.Stg), () => Interlocked.Increment(ref pulled));
        const int MessageSize = 10;
        const int InFlight = 2;

        await using var answers = server.Client.SubmitBatchAsync(input, MessageSize, InFlight, cancellationToken: Ct).GetAsyncEnumerator(Ct);
        Assert.True(await answers.MoveNextAsync());
        // Time for a writer that ignored the bound to run ahead; this one stops once the messages in flight are full.
        await Task.Delay(500, Ct);

        // In flight: InFlight messages plus the one released by the first answer, one more filled and waiting for room,
        // and the item that found it full.
        Assert.InRange(Volatile.Read(ref pulled), MessageSize, ((InFlight + 2) * MessageSize) + 1);
    }

    [Fact]
    public async Task SubmitBatch_WhenTheInputFails_AnswersWhatWasReadThenThrowsTheInputsException()
    {
        await using var server = new ClientServer();
        var answers = new List<BatchAnswer>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var answer in server.Client.SubmitBatchAsync(Failing(after: 7, Ct), messageSize: 3, cancellationToken: Ct))
            {
                answers.Add(answer);
            }
        });

        Assert.Equal("the file is damaged at line 8", failure.Message);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"w{i}"), answers.Select(answer => answer.Request.Reference));
        Assert.All(answers, answer => Assert.Equal(DeclarationStatus.Accepted, answer.Declaration!.Status));
    }

    [Fact]
    public async Task SubmitBatch_Cancelled_ThrowsOperationCanceledAndYieldsNothingMore()
    {
        await using var server = new ClientServer();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var answered = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in server.Client.SubmitBatchAsync(
                Enumerable.Range(0, 200).Select(Workers.Stg).ToAsyncEnumerable(), messageSize: 50, cancellationToken: cancel.Token))
            {
                if (++answered == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(10, answered);
    }

    [Fact]
    public async Task SubmitBatch_OfLargeItems_CutsMessagesUnderTheServicesSizeLimit()
    {
        await using var server = new ClientServer();
        var input = Enumerable.Range(0, 1000).Select(i =>
        {
            var request = Workers.Stg(i);
            request.Reference = new string('r', 5000); // about 5 MB in one message of 1000
            return request;
        });

        var answers = await server.Client.SubmitBatchAsync(input.ToAsyncEnumerable(), messageSize: 1000, cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(1000, answers.Count);
        Assert.All(answers, answer => Assert.Equal("reference", Assert.Single(answer.Error!.FieldErrors).Field));
    }

    private static SubmitDeclarationRequest BadNiss(int i)
    {
        var request = Workers.Stg(i);
        request.Worker.Niss = "93051822362";
        return request;
    }

    private static async IAsyncEnumerable<SubmitDeclarationRequest> Counting(IEnumerable<SubmitDeclarationRequest> items, Action pulled)
    {
        foreach (var item in items)
        {
            pulled();
            yield return item;
            await Task.Yield();
        }
    }

    private static async IAsyncEnumerable<SubmitDeclarationRequest> Failing(int after, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < after; i++)
        {
            yield return Workers.Stg(i);
        }

        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        throw new InvalidOperationException($"the file is damaged at line {after + 1}");
    }
}
