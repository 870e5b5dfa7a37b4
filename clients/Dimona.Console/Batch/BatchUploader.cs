using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Batch;

/// <summary>
/// Sends declarations over one SubmitDeclarationBatch stream in chunks, writing the next chunks while the answers
/// to the earlier ones are read, and matches each answer to its declaration by order.
/// </summary>
internal sealed class BatchUploader(DimonaService.DimonaServiceClient client, int chunkSize)
{
    /// <summary>Chunks sent and not yet answered, at most: enough to keep the service busy, which reads up to 8 ahead.</summary>
    private const int ChunksInFlight = 4;

    /// <summary>Uploads the declarations; <paramref name="answered"/> is told how many each answer covers.</summary>
    public async Task<BatchOutcome> UploadAsync(
        IReadOnlyList<SubmitDeclarationRequest> declarations,
        Action<int> answered,
        CancellationToken cancellationToken)
    {
        var answers = new List<BatchItemResult>(declarations.Count);
        if (declarations.Count == 0)
        {
            return new BatchOutcome(answers, null);
        }

        var chunks = declarations.Chunk(chunkSize).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var unanswered = new SemaphoreSlim(ChunksInFlight);
        using var call = client.SubmitDeclarationBatch(cancellationToken: stop.Token);
        var writing = WriteAsync(call.RequestStream, chunks, unanswered, stop.Token);
        try
        {
            await ReadAsync(call.ResponseStream, chunks, unanswered, answers, answered, stop.Token);
            await writing;
            return new BatchOutcome(answers, null);
        }
        catch (RpcException failure)
        {
            await stop.CancelAsync();
            await WriterStoppedAsync(writing);
            return new BatchOutcome(answers, failure);
        }
    }

    private static async Task WriteAsync(
        IClientStreamWriter<SubmitDeclarationBatchRequest> requests,
        List<SubmitDeclarationRequest[]> chunks,
        SemaphoreSlim unanswered,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks)
        {
            await unanswered.WaitAsync(cancellationToken);
            await requests.WriteAsync(new SubmitDeclarationBatchRequest { Items = { chunk } });
        }

        await requests.CompleteAsync();
    }

    private static async Task ReadAsync(
        IAsyncStreamReader<SubmitDeclarationBatchResponse> responses,
        List<SubmitDeclarationRequest[]> chunks,
        SemaphoreSlim unanswered,
        List<BatchItemResult> answers,
        Action<int> answered,
        CancellationToken cancellationToken)
    {
        var chunk = 0;
        while (await responses.MoveNext(cancellationToken))
        {
            var results = responses.Current.Results;
            if (chunk == chunks.Count || results.Count != chunks[chunk].Length)
            {
                throw Broken(chunk == chunks.Count
                    ? $"the service sent more answers than the {chunks.Count} chunks sent"
                    : $"the service answered chunk {chunk + 1} with {results.Count} results for {chunks[chunk].Length} declarations");
            }

            answers.AddRange(results);
            answered(results.Count);
            chunk++;
            unanswered.Release();
        }

        if (chunk < chunks.Count)
        {
            throw Broken($"the service ended the stream after answering {chunk} of {chunks.Count} chunks");
        }
    }

    private static RpcException Broken(string message) => new(new Status(StatusCode.Internal, message));

    // Once the answers have failed, the writer fails too, or stops at the cancellation: only the answers' error counts.
    private static async Task WriterStoppedAsync(Task writing)
    {
        try
        {
            await writing;
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException or InvalidOperationException)
        {
        }
    }
}
