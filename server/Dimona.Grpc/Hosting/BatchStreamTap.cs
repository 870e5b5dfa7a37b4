using Grpc.Core;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// How an interceptor looks into a batch stream: its request messages as they are read, its response messages before
/// they are written. Metrics count them; rate limiting takes refused items out and puts their errors back.
/// </summary>
internal static class BatchStreamTap
{
    /// <summary>Reads from <paramref name="inner"/>, handing each message read to <paramref name="onRead"/> first.</summary>
    public sealed class Reader(IAsyncStreamReader<V1.SubmitDeclarationBatchRequest> inner, Action<V1.SubmitDeclarationBatchRequest> onRead)
        : IAsyncStreamReader<V1.SubmitDeclarationBatchRequest>
    {
        public V1.SubmitDeclarationBatchRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }
            onRead(inner.Current);
            return true;
        }
    }

    /// <summary>Writes to <paramref name="inner"/> what <paramref name="onWrite"/> makes of each message.</summary>
    public sealed class Writer(
        IServerStreamWriter<V1.SubmitDeclarationBatchResponse> inner, Func<V1.SubmitDeclarationBatchResponse, V1.SubmitDeclarationBatchResponse> onWrite)
        : IServerStreamWriter<V1.SubmitDeclarationBatchResponse>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(V1.SubmitDeclarationBatchResponse message) => inner.WriteAsync(onWrite(message));

        public Task WriteAsync(V1.SubmitDeclarationBatchResponse message, CancellationToken cancellationToken) =>
            inner.WriteAsync(onWrite(message), cancellationToken);
    }
}
