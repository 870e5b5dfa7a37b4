using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Dimona.V1;
using Google.Protobuf;
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
    /// <summary>The most items the service takes in one request message.</summary>
    public const int MaxMessageSize = 1000;

    /// <summary>Items per request message unless the caller says otherwise.</summary>
    public const int DefaultMessageSize = 500;

    /// <summary>Request messages sent and not yet answered, at most: enough to keep the service busy (it reads 8 ahead).</summary>
    public const int DefaultMessagesInFlight = 4;

    /// <summary>
    /// The most bytes a request message is filled to: the service takes 4 MiB, and a message is closed before an item
    /// would take it past this (an item larger than that on its own goes alone, and the service refuses it).
    /// </summary>
    public const int MaxMessageBytes = (4 * 1024 * 1024) - (64 * 1024);

    /// <summary>
    /// Uploads <paramref name="declarations"/> over one stream, in messages of up to <paramref name="messageSize"/>
    /// items (and <see cref="MaxMessageBytes"/>), and yields each one's answer in input order as soon as it arrives.
    /// At most <paramref name="messagesInFlight"/> messages are unanswered at a time, so memory stays bounded whatever
    /// the input's length, and a consumer that reads answers slowly holds the upload back. Declarations without a
    /// request id get one, set on the caller's message.
    /// <list type="bullet">
    /// <item>When the stream breaks (the service shuts down, the connection drops), every answer the service sent is
    /// yielded, then its status is thrown as an <see cref="RpcException"/>: resend the declarations that got no answer,
    /// with the same request ids, and the service answers those it had stored with their first result.</item>
    /// <item>When <paramref name="declarations"/> throws, what was read before is sent and answered, then its exception
    /// is thrown.</item>
    /// <item>When <paramref name="cancellationToken"/> is cancelled, <see cref="OperationCanceledException"/> is thrown.</item>
    /// </list>
    /// The stream has no deadline unless <paramref name="deadline"/> gives one; the channel's keep-alive pings find a
    /// service that stopped answering.
    /// </summary>
    public static async IAsyncEnumerable<BatchAnswer> SubmitBatchAsync(
        this DimonaService.DimonaServiceClient client,
        IAsyncEnumerable<SubmitDeclarationRequest> declarations,
        int messageSize = DefaultMessageSize,
        int messagesInFlight = DefaultMessagesInFlight,
        DateTime? deadline = null,
        Metadata? headers = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messageSize, MaxMessageSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesInFlight, 1);

        // Cancelled when the caller cancels or stops reading answers: it ends the call and the writer.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var room = new SemaphoreSlim(messagesInFlight);
        var unanswered = Channel.CreateUnbounded<SubmitDeclarationRequest[]>(); // at most messagesInFlight, by the semaphore
        using var call = client.SubmitDeclarationBatch(headers, deadline, stop.Token);
        var writing = WriteAsync(call.RequestStream, declarations, messageSize, room, unanswered.Writer, stop.Token);
        var index = 0L;
        var messages = 0L;
        try
        {
            while (await NextAsync(call.ResponseStream, stop.Token, cancellationToken))
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
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return new BatchAnswer(index++, sent[i], results[i]);
                }
            }

            (await writing)?.Throw();
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

    /// <summary>
    /// The next response. The caller's cancellation comes out as <see cref="OperationCanceledException"/>, not
    /// CANCELLED; a connection that failed while a response was read (a keep-alive ping unanswered, say) as
    /// UNAVAILABLE, what it is, where the gRPC client reports INTERNAL.
    /// </summary>
    private static async Task<bool> NextAsync(
        IAsyncStreamReader<SubmitDeclarationBatchResponse> responses, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            return await responses.MoveNext(stop);
        }
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException
            && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The batch upload was cancelled.", e, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Internal && e.Status.DebugException is HttpIOException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Status.Detail, e.Status.DebugException), e.Trailers);
        }
    }

    /// <summary>
    /// Sends the declarations in messages and completes the request stream. Returns the input's failure, if it failed
    /// (what was read before it is sent first). A write that fails means the call has ended: the writer stops and
    /// the answers tell how the call ended.
    /// </summary>
    private static async Task<ExceptionDispatchInfo?> WriteAsync(
        IClientStreamWriter<SubmitDeclarationBatchRequest> requests,
        IAsyncEnumerable<SubmitDeclarationRequest> declarations,
        int messageSize,
        SemaphoreSlim room,
        ChannelWriter<SubmitDeclarationRequest[]> unanswered,
        CancellationToken stop)
    {
        ExceptionDispatchInfo? inputFailure = null;
        try
        {
            var message = new List<SubmitDeclarationRequest>(messageSize);
            var bytes = 0;
            await using var input = declarations.GetAsyncEnumerator(stop);
            while (true)
            {
                try
                {
                    if (!await input.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    inputFailure = ExceptionDispatchInfo.Capture(e);
                    break;
                }

                var declaration = input.Current;
                DimonaCallDefaults.GiveRequestId(declaration);
                var itemBytes = 1 + CodedOutputStream.ComputeMessageSize(declaration);
                if (message.Count == messageSize || (message.Count > 0 && bytes + itemBytes > MaxMessageBytes))
                {
                    await SendAsync(message);
                    message = new List<SubmitDeclarationRequest>(messageSize);
                    bytes = 0;
                }

                message.Add(declaration);
                bytes += itemBytes;
            }

            if (message.Count > 0)
            {
                await SendAsync(message);
            }

            await requests.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // The call has ended (the service's status, a broken connection, the caller stopping): the answers say how.
        }

        return inputFailure;

        async Task SendAsync(List<SubmitDeclarationRequest> message)
        {
            await room.WaitAsync(stop);
            var items = message.ToArray();
            unanswered.TryWrite(items);
            await requests.WriteAsync(new SubmitDeclarationBatchRequest { Items = { items } }); // the call's token cancels it
        }
    }

    private static RpcException Broken(string message) => new(new Status(StatusCode.Internal, message));

    // The answers have ended, for whatever reason: the writer has nothing more to say.
    private static async Task StoppedAsync(Task writing)
    {
        try
        {
            await writing;
        }
        catch (Exception exception) when (exception is RpcException or OperationCanceledException or InvalidOperationException or IOException)
        {
        }
    }
}
