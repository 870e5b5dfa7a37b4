using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// Request bodies that are not valid protobuf, sent over real HTTP/2 with byte marshallers: refused with
/// INVALID_ARGUMENT (reason UNPARSABLE_REQUEST), logged on at most one line each, never with a stack trace.
/// </summary>
[Collection(ProcessCollection.Name)]
public class GarbageRequestTests
{
    /// <summary>A varint that never ends: not a protobuf message.</summary>
    private static readonly byte[] NotProtobuf = [.. Enumerable.Repeat((byte)0xFF, 12)];

    /// <summary>Field 1 (request_id), wire type 2, length 2, bytes C3 28: not UTF-8.</summary>
    private static readonly byte[] InvalidUtf8RequestId = [0x0A, 0x02, 0xC3, 0x28];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> SubmitDeclaration =
        new(MethodType.Unary, "dimona.v1.DimonaService", "SubmitDeclaration", Bytes, Bytes);

    private static readonly Method<byte[], byte[]> SubmitDeclarationBatch =
        new(MethodType.DuplexStreaming, "dimona.v1.DimonaService", "SubmitDeclarationBatch", Bytes, Bytes);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 60_000)]
    public async Task SubmitDeclaration_BodyNotProtobufOrStringNotUtf8_InvalidArgumentUnparsableAndOneLogLineEach()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var invoker = server.CreateChannel().CreateCallInvoker();

        foreach (var body in new[] { NotProtobuf, InvalidUtf8RequestId })
        {
            var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
                () => invoker.AsyncUnaryCall(SubmitDeclaration, null, new CallOptions(cancellationToken: Ct), body).ResponseAsync);
            Assert.Equal("UNPARSABLE_REQUEST", status.Reason());
        }

        // Still serving a good request afterwards.
        var good = await new DimonaService.DimonaServiceClient(server.CreateChannel()).SubmitDeclarationAsync(Workers.Stg(0), cancellationToken: Ct);
        Assert.Equal(DeclarationStatus.Accepted, good.Declaration.Status);
        await AssertLoggedOnceEachAsync(server, calls: 2);
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitDeclarationBatch_GoodMessageThenGarbage_GoodAnsweredThenStreamEndsInvalidArgument()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var invoker = server.CreateChannel().CreateCallInvoker();
        using var call = invoker.AsyncDuplexStreamingCall(SubmitDeclarationBatch, null, new CallOptions(cancellationToken: Ct));
        var good = new SubmitDeclarationBatchRequest { Items = { Workers.Stg(0), Workers.Stg(1) } };

        // Both written before reading: the good one must still be answered before the stream fails.
        await call.RequestStream.WriteAsync(good.ToByteArray(), Ct);
        await call.RequestStream.WriteAsync(NotProtobuf, Ct);

        Assert.True(await call.ResponseStream.MoveNext(Ct), $"No response for the good message.\n{server.Output}");
        var response = SubmitDeclarationBatchResponse.Parser.ParseFrom(call.ResponseStream.Current);
        Assert.Equal(2, response.Results.Count);
        Assert.All(response.Results, r => Assert.Equal(DeclarationStatus.Accepted, r.Declaration?.Status));
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                Assert.Fail("A second response: only the good message had one to get.");
            }
        });
        Assert.Equal("UNPARSABLE_REQUEST", status.Reason());
        await AssertLoggedOnceEachAsync(server, calls: 1);
    }

    [Fact(Timeout = 60_000)]
    public async Task SubmitDeclarationBatch_StringNotUtf8_StreamEndsInvalidArgumentUnparsable()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var invoker = server.CreateChannel().CreateCallInvoker();
        using var call = invoker.AsyncDuplexStreamingCall(SubmitDeclarationBatch, null, new CallOptions(cancellationToken: Ct));

        // items (field 1, wire type 2) holding one SubmitDeclarationRequest whose request_id is not UTF-8.
        await call.RequestStream.WriteAsync([0x0A, (byte)InvalidUtf8RequestId.Length, .. InvalidUtf8RequestId], Ct);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                Assert.Fail("A response to an unparsable message.");
            }
        });
        Assert.Equal("UNPARSABLE_REQUEST", status.Reason());
        await AssertLoggedOnceEachAsync(server, calls: 1);
    }

    /// <summary>Every refusal logged on exactly one line mentioning it, and no stack trace anywhere in the output.</summary>
    private static async Task AssertLoggedOnceEachAsync(ServerProcess server, int calls)
    {
        // The console logger writes in the background: wait for the lines, then a moment more for any extra one.
        var logged = await server.WaitForLinesAsync(IsUnparsableMention, calls, TimeSpan.FromSeconds(10), Ct);
        Assert.True(logged >= calls, $"{logged} lines mention the unparsable requests, for {calls} calls.\n{server.Output}");
        await Task.Delay(300, Ct);
        var mentions = server.StandardOutput.Concat(server.StandardError).Count(IsUnparsableMention);
        Assert.True(mentions == calls, $"{mentions} lines mention the unparsable requests, for {calls} calls.\n{server.Output}");
        var frames = server.StandardOutput.Concat(server.StandardError).Where(ServerProcess.IsStackFrame).ToList();
        Assert.True(frames.Count == 0, $"A stack trace in the output.\n{server.Output}");
    }

    private static bool IsUnparsableMention(string line) =>
        line.Contains("unparsable", StringComparison.OrdinalIgnoreCase) || line.Contains("not a valid protobuf", StringComparison.OrdinalIgnoreCase)
        || line.Contains("InvalidProtocolBuffer", StringComparison.Ordinal) || line.Contains("UTF-8", StringComparison.Ordinal);
}
