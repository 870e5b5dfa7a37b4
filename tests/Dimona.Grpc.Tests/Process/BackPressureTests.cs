using System.Diagnostics;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Process;

[Collection(ProcessCollection.Name)]
public class BackPressureTests
{
    private const int ItemsPerMessage = 100;
    private const int MaxMessages = 400;

    /// <summary>The server's limit: batch messages read but not yet answered (BatchStream.MaxMessagesInFlight).</summary>
    private const int ServerMessagesInFlight = Dimona.Grpc.Services.BatchStream.MaxMessagesInFlight;

    /// <summary>The client's HTTP/2 receive window per stream, set explicitly (the protocol's minimum, SocketsHttpHandler's default).</summary>
    private const int ClientStreamWindow = 65_535;

    /// <summary>Kestrel's default Limits.MaxResponseBufferSize: response bytes a handler may have written but not sent.</summary>
    private const int KestrelResponseBuffer = 64 * 1024;

    /// <summary>Kestrel's default Http2.InitialStreamWindowSize: request bytes it takes for a stream before the handler reads them.</summary>
    private const int KestrelStreamWindow = 768 * 1024;

    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A client that writes batch messages and reads no response is held back: the server reads at most 8 messages
    /// ahead of the responses it could write, the responses it can write are bounded by the client's receive window
    /// and Kestrel's response buffer, and the unread requests by Kestrel's receive windows (768 KiB per stream, 1 MiB
    /// per connection by default), so the client's writes stall. Once it reads, every message written is answered and
    /// the stream completes normally.
    /// </summary>
    [Fact(Timeout = 90_000)]
    public async Task SubmitDeclarationBatch_ClientReadsNoResponses_WritesStallAndServerStopsReadingThenAllAnswered()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var channel = server.CreateChannel(handler => handler.InitialHttp2StreamWindowSize = ClientStreamWindow);
        using var call = new DimonaService.DimonaServiceClient(channel).SubmitDeclarationBatch(cancellationToken: Ct);

        var written = 0;
        var requestBytes = int.MaxValue;
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            for (var m = 0; m < MaxMessages && !stop.IsCancellationRequested; m++)
            {
                var message = Workers.Messages(Enumerable.Range(m * ItemsPerMessage, ItemsPerMessage).Select(Workers.Stg), ItemsPerMessage)[0];
                requestBytes = Math.Min(requestBytes, message.CalculateSize() + 5);
                await call.RequestStream.WriteAsync(message, Ct);
                Interlocked.Increment(ref written);
            }
            await call.RequestStream.CompleteAsync();
        }, Ct);

        // Wait until no write has completed for the stall period (bounded: all 400 written means no back-pressure).
        var clock = Stopwatch.StartNew();
        var last = -1;
        var lastChange = clock.Elapsed;
        while (!writing.IsCompleted && clock.Elapsed - lastChange < Stall && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = Volatile.Read(ref written);
            if (now != last)
            {
                last = now;
                lastChange = clock.Elapsed;
            }
            await Task.Delay(100, Ct);
        }
        var writtenAtStall = Volatile.Read(ref written);
        var storedAtStall = await SqliteFile.CountDeclarationsAsync(server.DatabasePath, Ct);
        Assert.False(writing.IsCompleted, $"The client wrote all {MaxMessages} messages without reading a response.");
        Assert.True(writtenAtStall < MaxMessages / 2, $"{writtenAtStall} of {MaxMessages} messages written before the writes stalled for {Stall}.");
        Assert.True(storedAtStall <= writtenAtStall * ItemsPerMessage, $"{storedAtStall} stored for {writtenAtStall} messages written.");

        // Read everything; the writer stops after its pending write and completes the stream.
        await stop.CancelAsync();
        var responses = new List<SubmitDeclarationBatchResponse>();
        while (await call.ResponseStream.MoveNext(Ct))
        {
            responses.Add(call.ResponseStream.Current);
        }
        await writing;
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal(Volatile.Read(ref written), responses.Count);
        Assert.All(responses, r =>
        {
            Assert.Equal(ItemsPerMessage, r.Results.Count);
            Assert.All(r.Results, result => Assert.Equal(DeclarationStatus.Accepted, result.Declaration?.Status));
        });
        Assert.Equal(responses.Count * ItemsPerMessage, await SqliteFile.CountDeclarationsAsync(server.DatabasePath, Ct));

        // The server-side bound: responses whose write completed fit in the client's window plus Kestrel's response
        // buffer (+1 for the one whose flush crossed the threshold); the server read at most MaxMessagesInFlight messages beyond those.
        var responseBytes = responses.Min(r => r.CalculateSize()) + 5;
        var responsesWritable = ((ClientStreamWindow + KestrelResponseBuffer) / responseBytes) + 1;
        var readBound = ServerMessagesInFlight + responsesWritable + 1;
        var storedBound = readBound * ItemsPerMessage;
        // The client-side bound: those the server read, plus those Kestrel's stream window holds unread, plus the
        // one partly sent and one of slack.
        var writtenBound = readBound + (KestrelStreamWindow / requestBytes) + 2;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Stalled after {writtenAtStall} messages of {requestBytes} bytes (bound {writtenBound}); {storedAtStall} declarations stored " +
            $"then (bound {storedBound}: responses of {responseBytes} bytes, {responsesWritable} writable).");
        Assert.True(storedAtStall <= storedBound, $"{storedAtStall} declarations stored while the client read nothing; bound {storedBound}.");
        Assert.True(writtenAtStall <= writtenBound, $"{writtenAtStall} messages written while the client read nothing; bound {writtenBound}.");
    }
}
