using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Drives a SubmitDeclarationBatch stream message by message, as a client would.</summary>
internal sealed class BatchCalls(DimonaService.DimonaServiceClient client) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly AsyncDuplexStreamingCall<SubmitDeclarationBatchRequest, SubmitDeclarationBatchResponse> call =
        client.SubmitDeclarationBatch(cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Sends one message with these items and reads its response.</summary>
    public async Task<IReadOnlyList<BatchItemResult>> SendAsync(params SubmitDeclarationRequest[] items)
    {
        await WriteAsync(items);
        Assert.True(await call.ResponseStream.MoveNext(Ct), "The stream ended before answering the message.");
        return call.ResponseStream.Current.Results;
    }

    public Task WriteAsync(params SubmitDeclarationRequest[] items) =>
        call.RequestStream.WriteAsync(new SubmitDeclarationBatchRequest { Items = { items } }, Ct);

    /// <summary>Writes a message the server refuses as a whole, which may end the call before this write returns.</summary>
    public async Task WriteRefusedAsync(params SubmitDeclarationRequest[] items)
    {
        try
        {
            await WriteAsync(items);
        }
        catch (RpcException)
        {
            // The call ended first: its status is read from the response stream.
        }
    }

    /// <summary>Completes the requests and expects the stream to end normally with no further response.</summary>
    public async Task CompleteAsync()
    {
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(Ct));
    }

    /// <summary>Reads the next response.</summary>
    public async Task<IReadOnlyList<BatchItemResult>> ReadAsync()
    {
        Assert.True(await call.ResponseStream.MoveNext(Ct), "The stream ended before answering the message.");
        return call.ResponseStream.Current.Results;
    }

    /// <summary>Expects the stream to end with <paramref name="code"/> on the next read, and returns its rich status.</summary>
    public Task<Google.Rpc.Status> EndsWithAsync(StatusCode code) =>
        RpcAssert.FailsAsync(code, async () => await call.ResponseStream.MoveNext(Ct));

    public static SubmitDeclarationRequest[] Copies(SubmitDeclarationRequest request, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var copy = request.Clone();
            copy.RequestId = Guid.NewGuid().ToString();
            return copy;
        })];

    public void Dispose() => call.Dispose();
}
