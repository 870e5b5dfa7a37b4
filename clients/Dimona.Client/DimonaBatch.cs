using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Client;

/// <summary>One declaration of a bulk upload with its answer: the stored declaration, or why it was not stored.</summary>
/// <param name="Index">Its place in the input, from 0.</param>
/// <param name="Request">The declaration as sent, its request id filled in.</param>
/// <param name="Result">The service's answer to it.</param>
public sealed record BatchAnswer(long Index, SubmitDeclarationRequest Request, BatchItemResult Result)
{
    /// <summary>The stored declaration (refused ones included), or null when the item failed.</summary>
    public Declaration? Declaration => Result.ResultCase == BatchItemResult.ResultOneofCase.Declaration ? Result.Declaration : null;

    /// <summary>Why the item was not stored (bad field, unknown employer, reused request id, …), or null.</summary>
    public DimonaError? Error => Result.ResultCase == BatchItemResult.ResultOneofCase.Error ? DimonaError.From(Result.Error) : null;
}

/// <summary>Bulk uploads over <c>SubmitDeclarationBatch</c>.</summary>
public static class DimonaBatch
{
    /// <summary>Items per request message: the service takes up to 1000.</summary>
    public const int DefaultMessageSize = 500;

    /// <summary>Request messages sent and not yet answered, at most: enough to keep the service busy (it reads 8 ahead).</summary>
    public const int DefaultMessagesInFlight = 4;

    /// <summary>
    /// Uploads <paramref name="declarations"/> over one stream, in messages of <paramref name="messageSize"/> items,
    /// and yields each one's answer in input order as soon as it arrives. At most
    /// <paramref name="messagesInFlight"/> messages are unanswered at a time, so memory stays bounded whatever the
    /// input's length, and a consumer that reads answers slowly holds the upload back. Declarations without a
    /// request id get one. When the stream breaks, the answers received are yielded and then the
    /// <see cref="RpcException"/> is thrown: resend the declarations that got no answer, with the same request ids,
    /// and the service answers those it had stored with their first result.
    /// </summary>
    public static async IAsyncEnumerable<BatchAnswer> SubmitBatchAsync(
        this DimonaService.DimonaServiceClient client,
        IAsyncEnumerable<SubmitDeclarationRequest> declarations,
        int messageSize = DefaultMessageSize,
        int messagesInFlight = DefaultMessagesInFlight,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messageSize, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesInFlight, 1);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var room = new SemaphoreSlim(messagesInFlight);
        var unanswered = Channel.CreateUnbounded<SubmitDeclarationRequest[]>(); // at most messagesInFlight, by the semaphore
        using var call = client.SubmitDeclarationBatch(cancellationToken: stop.Token);
        var writing = WriteAsync(call.RequestStream, declarations, messageSize, room, unanswered.Writer, stop);
        var index = 0L;
        var messages = 0L;
        try
        {
            while (await NextAsync(call.ResponseStream, writing, stop, cancellationToken))
            {
                var results = call.ResponseStream.Current.Results;
                if (!unanswered.Reader.TryRead(out var sent))
                {
                    throw Broken($"the service sent more answers than the {messages} messages sent");
                }

                if (results.Count != sent.Length)
                {
                    throw Broken($"the service answered message {messages + 1} with {results.Count} results for {sent.Length} declarations");
                }

                messages++;
                room.Release();
                for (var i = 0; i < sent.Length; i++)
                {
                    yield return new BatchAnswer(index++, sent[i], results[i]);
                }
            }

            await writing;
            if (unanswered.Reader.TryRead(out _))
            {
                throw Broken($"the service ended the stream after answering {messages} messages, with more sent");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await StoppedAsync(writing);
        }
    }

    /// <summary>The next response; when the writer stopped the call (the input failed), the writer's own exception.</summary>
    private static async Task<bool> NextAsync(
        IAsyncStreamReader<SubmitDeclarationBatchResponse> responses,
        Task writing,
        CancellationTokenSource stop,
        CancellationToken cancellationToken)
    {
        try
        {
            return await responses.MoveNext(stop.Token);
        }
        catch (Exception) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await writing;
            throw;
        }
    }

    private static async Task WriteAsync(
        IClientStreamWriter<SubmitDeclarationBatchRequest> requests,
        IAsyncEnumerable<SubmitDeclarationRequest> declarations,
        int messageSize,
        SemaphoreSlim room,
        ChannelWriter<SubmitDeclarationRequest[]> unanswered,
        CancellationTokenSource stop)
    {
        try
        {
            var message = new List<SubmitDeclarationRequest>(messageSize);
            await foreach (var declaration in declarations.WithCancellation(stop.Token))
            {
                DimonaCallDefaults.GiveRequestId(declaration);
                message.Add(declaration);
                if (message.Count == messageSize)
                {
                    await SendAsync(message);
                    message.Clear();
                }
            }

            if (message.Count > 0)
            {
                await SendAsync(message);
            }

            await requests.CompleteAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // The input failed, or the stream did: end the call so that the answers stop waiting.
            await stop.CancelAsync();
            throw;
        }

        async Task SendAsync(List<SubmitDeclarationRequest> message)
        {
            await room.WaitAsync(stop.Token);
            var items = message.ToArray();
            unanswered.TryWrite(items);
            await requests.WriteAsync(new SubmitDeclarationBatchRequest { Items = { items } }); // the call's token cancels it
        }
    }

    private static RpcException Broken(string message) => new(new Status(StatusCode.Internal, message));

    // Once the answers have ended, for whatever reason, the writer's own failure tells nothing more.
    private static async Task StoppedAsync(Task writing)
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
