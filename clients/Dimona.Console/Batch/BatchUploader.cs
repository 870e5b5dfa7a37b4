using Dimona.Client;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Batch;

/// <summary>
/// Sends declarations over one SubmitDeclarationBatch stream in chunks through the client library, which keeps a few
/// chunks in flight and answers in input order, and keeps the answers up to where the call failed, if it did.
/// </summary>
internal sealed class BatchUploader(DimonaService.DimonaServiceClient client, int chunkSize)
{
    /// <summary>Uploads the declarations; <paramref name="answered"/> is told of each answer as it arrives.</summary>
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

        try
        {
            await foreach (var answer in client.SubmitBatchAsync(
                declarations.ToAsyncEnumerable(), chunkSize, cancellationToken: cancellationToken))
            {
                answers.Add(answer.Result);
                answered(1);
            }

            return new BatchOutcome(answers, null);
        }
        catch (RpcException failure)
        {
            return new BatchOutcome(answers, failure);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the answers so far are kept and written like those of a stream that broke.
            return new BatchOutcome(answers, new RpcException(new Status(StatusCode.Cancelled, "The upload was cancelled.")));
        }
    }
}
