using System.Threading.Channels;
using Dimona.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Console.Tests;

/// <summary>
/// Both ends of a fake SubmitDeclarationBatch stream: records each chunk written and answers it item by item,
/// holding the answers back until <see cref="AnswerOnceChunks"/> chunks are written, and ending the stream with
/// <see cref="Failure"/> once <see cref="FailAfterChunks"/> chunks are answered.
/// </summary>
internal sealed class FakeBatchStream : IClientStreamWriter<SubmitDeclarationBatchRequest>, IAsyncStreamReader<SubmitDeclarationBatchResponse>
{
    private readonly Channel<SubmitDeclarationBatchResponse> sent = Channel.CreateUnbounded<SubmitDeclarationBatchResponse>();
    private readonly Queue<SubmitDeclarationBatchResponse> held = new();
    private readonly Lock gate = new();
    private int answeredChunks;
    private int unreadChunks;

    public Func<SubmitDeclarationRequest, BatchItemResult> Answer { get; set; } = item => new BatchItemResult
    {
        Declaration = new Declaration { Status = DeclarationStatus.Accepted, RequestId = item.RequestId },
    };

    /// <summary>The answer to a whole chunk: by default <see cref="Answer"/> for each item.</summary>
    public Func<SubmitDeclarationBatchRequest, SubmitDeclarationBatchResponse>? AnswerChunk { get; set; }

    public int AnswerOnceChunks { get; set; } = 1;

    public int? FailAfterChunks { get; set; }

    public RpcException Failure { get; set; } = new Google.Rpc.Status
    {
        Code = (int)StatusCode.Unavailable,
        Message = "The service is shutting down.",
        Details = { Any.Pack(new ErrorInfo { Reason = "SHUTTING_DOWN", Domain = "dimona.v1" }) },
    }.ToRpcException();

    public List<SubmitDeclarationBatchRequest> Chunks { get; } = [];

    /// <summary>The most chunks the client had written without having read their answer.</summary>
    public int MostChunksUnread { get; private set; }

    public bool Completed { get; private set; }

    public WriteOptions? WriteOptions { get; set; }

    public SubmitDeclarationBatchResponse Current { get; private set; } = new();

    public Task WriteAsync(SubmitDeclarationBatchRequest message)
    {
        lock (gate)
        {
            Chunks.Add(message);
            MostChunksUnread = Math.Max(MostChunksUnread, ++unreadChunks);
            held.Enqueue(AnswerChunk?.Invoke(message) ?? new SubmitDeclarationBatchResponse { Results = { message.Items.Select(Answer) } });
            if (Chunks.Count >= AnswerOnceChunks)
            {
                SendHeld();
            }
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync()
    {
        lock (gate)
        {
            Completed = true;
            SendHeld();
            sent.Writer.TryComplete();
        }

        return Task.CompletedTask;
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await sent.Reader.WaitToReadAsync(cancellationToken) || !sent.Reader.TryRead(out var response))
        {
            return false;
        }

        lock (gate)
        {
            unreadChunks--;
        }

        Current = response;
        return true;
    }

    private void SendHeld()
    {
        while (held.TryDequeue(out var response))
        {
            if (answeredChunks == FailAfterChunks)
            {
                sent.Writer.TryComplete(Failure);
                return;
            }

            sent.Writer.TryWrite(response);
            answeredChunks++;
        }
    }
}
