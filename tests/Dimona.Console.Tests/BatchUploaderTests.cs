using Dimona.Console.Batch;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Tests;

public class BatchUploaderTests
{
    private readonly FakeDimonaClient client = new();

    private static List<SubmitDeclarationRequest> Declarations(int count) =>
        [.. Enumerable.Range(1, count).Select(n => new SubmitDeclarationRequest { RequestId = $"request-{n}" })];

    private Task<BatchOutcome> UploadAsync(int count, int chunkSize, Action<int>? answered = null) =>
        new BatchUploader(client, chunkSize).UploadAsync(Declarations(count), answered ?? (_ => { }), TestContext.Current.CancellationToken);

    [Fact(Timeout = 10_000)]
    public async Task Upload_SendsChunksOfTheChunkSizeAndMatchesAnswersByOrder()
    {
        var reported = new List<int>();

        var outcome = await UploadAsync(7, chunkSize: 3, reported.Add);

        Assert.Null(outcome.Failure);
        Assert.Equal([3, 3, 1], client.Batch.Chunks.Select(chunk => chunk.Items.Count));
        Assert.Equal(Declarations(7).Select(d => d.RequestId), outcome.Answers.Select(a => a.Declaration.RequestId));
        Assert.Equal(Enumerable.Repeat(1, 7), reported);
        Assert.True(client.Batch.Completed);
    }

    [Fact(Timeout = 10_000)]
    public async Task Upload_Cancelled_KeepsTheAnswersReceivedAndReturnsCancelled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answered = 0;

        var outcome = await new BatchUploader(client, chunkSize: 2).UploadAsync(Declarations(10), count =>
        {
            if ((answered += count) == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        Assert.Equal(StatusCode.Cancelled, outcome.Failure?.StatusCode);
        Assert.Equal(["request-1", "request-2", "request-3"], outcome.Answers.Select(a => a.Declaration.RequestId));
    }

    [Fact(Timeout = 10_000)]
    public async Task Upload_KeepsSeveralChunksInFlightButNoMoreThanTheServiceReadsAhead()
    {
        client.Batch.AnswerOnceChunks = 4;

        var outcome = await UploadAsync(20, chunkSize: 1);

        Assert.Null(outcome.Failure);
        Assert.Equal(20, outcome.Answers.Count);
        Assert.InRange(client.Batch.MostChunksUnread, 4, 8);
    }

    [Fact(Timeout = 10_000)]
    public async Task Upload_StreamFailsMidway_KeepsTheAnswersReceivedAndReturnsTheError()
    {
        client.Batch.FailAfterChunks = 2;

        var outcome = await UploadAsync(10, chunkSize: 2);

        Assert.Same(client.Batch.Failure, outcome.Failure);
        Assert.Equal(["request-1", "request-2", "request-3", "request-4"], outcome.Answers.Select(a => a.Declaration.RequestId));
    }

    [Fact(Timeout = 10_000)]
    public async Task Upload_AnswerWithTheWrongNumberOfResults_FailsAsInternal()
    {
        client.Batch.AnswerChunk = chunk => new SubmitDeclarationBatchResponse
        {
            Results = { chunk.Items.Skip(chunk.Items[0].RequestId == "request-3" ? 1 : 0).Select(client.Batch.Answer) },
        };

        var outcome = await UploadAsync(4, chunkSize: 2);

        Assert.Equal(StatusCode.Internal, outcome.Failure?.StatusCode);
        Assert.Equal(2, outcome.Answers.Count);
    }

    [Fact(Timeout = 10_000)]
    public async Task Upload_NothingToSend_OpensNoStream()
    {
        var outcome = await UploadAsync(0, chunkSize: 500);

        Assert.Null(outcome.Failure);
        Assert.Empty(client.Batch.Chunks);
        Assert.False(client.Batch.Completed);
    }
}
