using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Dimona.Grpc.Domain;
using Grpc.Core;

namespace Dimona.Grpc.Services;

/// <summary>
/// The flow of one batch stream. It reads request messages while earlier ones are being answered, at most
/// <see cref="MaxMessagesInFlight"/> ahead of the responses written, so that a client that stops reading responses
/// stops the server from reading requests. It writes each message's response in order once its answer is ready. The
/// first message refused as a whole, or shutdown, stops the reading: every message read before is still answered, then
/// the stream ends with that failure.
/// </summary>
internal static class BatchStream
{
    /// <summary>Messages read but not yet answered, at most; past it the server stops reading.</summary>
    public const int MaxMessagesInFlight = 8;

    /// <param name="refuse">Why a message cannot be taken at all, or null when it can.</param>
    /// <param name="answer">The response to a message, ready once its items are decided (and stored).</param>
    /// <param name="stopping">Cancelled when the service shuts down.</param>
    /// <returns>The failure that ended the reading, or null when the client completed its requests.</returns>
    public static async Task<Failure?> RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, Failure?> refuse,
        Func<TRequest, Task<TResponse>> answer,
        CancellationToken stopping,
        CancellationToken ct)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
        using var slots = new SemaphoreSlim(MaxMessagesInFlight);
        var pending = Channel.CreateUnbounded<Task<TResponse>>(new() { SingleReader = true, SingleWriter = true });
        Exception? writeFailure = null;
        var answering = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in pending.Reader.ReadAllAsync(CancellationToken.None))
                {
                    await responses.WriteAsync(await response, ct);
                    slots.Release();
                }
            }
            catch (Exception e)
            {
                writeFailure = e;
                await reading.CancelAsync();
            }
        }, CancellationToken.None);

        Failure? end = null;
        try
        {
            while (end is null)
            {
                await slots.WaitAsync(reading.Token);
                if (!await requests.MoveNext(reading.Token))
                {
                    break;
                }
                end = refuse(requests.Current);
                if (end is null)
                {
                    pending.Writer.TryWrite(answer(requests.Current));
                }
            }
        }
        catch (OperationCanceledException) when (writeFailure is not null)
        {
            // The response stream failed (the client went away): its exception is rethrown below.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            end = Failure.ShuttingDown();
        }
        finally
        {
            pending.Writer.TryComplete();
            await answering;
        }
        if (writeFailure is not null)
        {
            ExceptionDispatchInfo.Throw(writeFailure);
        }
        return end;
    }
}
