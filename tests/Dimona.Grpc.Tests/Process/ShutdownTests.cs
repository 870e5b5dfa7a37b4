using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dimona.Grpc.Tests.Process;

[Collection(ProcessCollection.Name)]
public class ShutdownTests
{
    private const int ItemsPerMessage = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// SIGTERM with a batch stream open and one message just sent: the server stops reading, answers what it read,
    /// ends the stream with UNAVAILABLE (reason SHUTTING_DOWN), tells health watchers NOT_SERVING and exits 0.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task SubmitDeclarationBatch_Sigterm_AnswersWhatItReadThenEndsWithShuttingDownAndExitsZero()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var channel = server.CreateChannel();

        using var watch = new Health.HealthClient(channel).Watch(new HealthCheckRequest(), cancellationToken: Ct);
        Assert.True(await watch.ResponseStream.MoveNext(Ct));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
        var watched = Task.Run(async () =>
        {
            var statuses = new List<ServingStatus>();
            try
            {
                while (await watch.ResponseStream.MoveNext(Ct))
                {
                    statuses.Add(watch.ResponseStream.Current.Status);
                }
            }
            catch (RpcException)
            {
                // The server went away: what arrived before counts.
            }
            return statuses;
        }, Ct);

        var items = 0;
        using var call = new DimonaService.DimonaServiceClient(channel).SubmitDeclarationBatch(cancellationToken: Ct);
        for (var m = 0; m < 3; m++)
        {
            await call.RequestStream.WriteAsync(Message(ref items), Ct);
            Assert.True(await call.ResponseStream.MoveNext(Ct));
            AssertAllDeclarations(call.ResponseStream.Current);
        }
        // One more, unanswered yet: the server may or may not have read it when the signal arrives.
        await call.RequestStream.WriteAsync(Message(ref items), Ct);
        server.Terminate();

        var after = new List<SubmitDeclarationBatchResponse>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                after.Add(call.ResponseStream.Current);
            }
        });
        Assert.True(ended.StatusCode == StatusCode.Unavailable, $"Stream ended with {ended.Status}.\n{server.Output}");
        Assert.Equal("SHUTTING_DOWN", (ended.GetRpcStatus() ?? new Google.Rpc.Status()).Reason());
        Assert.True(after.Count <= 1, $"{after.Count} responses after SIGTERM for 1 message sent.");
        after.ForEach(AssertAllDeclarations);

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{after.Count} response(s) after SIGTERM for the message sent just before it.");
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{server.Output}");
        Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), ServerProcess.IsStackFrame);

        var statuses = await watched.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Contains(ServingStatus.NotServing, statuses);

        // What was answered is stored, and nothing more: a message read is a message answered.
        Assert.Equal((3 + after.Count) * ItemsPerMessage, await SqliteFile.CountDeclarationsAsync(server.DatabasePath, Ct));
    }

    /// <summary>
    /// SIGTERM while the client streams large messages faster than they are committed: every message the server
    /// read is answered in full (and only those are stored), then UNAVAILABLE (reason SHUTTING_DOWN), exit code 0.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task SubmitDeclarationBatch_SigtermWithMessagesInFlight_EveryMessageReadAnsweredAndStoredNoOther()
    {
        const int messages = 20, itemsPerMessage = 1000;
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        using var call = new DimonaService.DimonaServiceClient(server.CreateChannel()).SubmitDeclarationBatch(cancellationToken: Ct);
        var writing = Task.Run(async () =>
        {
            try
            {
                for (var m = 0; m < messages; m++)
                {
                    await call.RequestStream.WriteAsync(Workers.Messages(Enumerable.Range(m * itemsPerMessage, itemsPerMessage).Select(Workers.Stg), itemsPerMessage)[0], Ct);
                }
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
            {
                // The server ended the stream: later messages are the client's to resend.
            }
        }, Ct);

        var responses = new List<SubmitDeclarationBatchResponse>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(Ct))
            {
                responses.Add(call.ResponseStream.Current);
                if (responses.Count == 1)
                {
                    server.Terminate();
                }
            }
        });
        await writing.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(ended.StatusCode == StatusCode.Unavailable, $"Stream ended with {ended.Status} after {responses.Count} responses.\n{server.Output}");
        Assert.Equal("SHUTTING_DOWN", (ended.GetRpcStatus() ?? new Google.Rpc.Status()).Reason());
        Assert.True(responses.Count < messages, "Every message was answered: the signal came too late to test anything.");
        Assert.All(responses, r =>
        {
            Assert.Equal(itemsPerMessage, r.Results.Count);
            Assert.All(r.Results, result => Assert.Equal(DeclarationStatus.Accepted, result.Declaration?.Status));
        });
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(exitCode == 0, $"Exit code {exitCode}.\n{server.Output}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{responses.Count} of {messages} messages answered around SIGTERM.");
        Assert.Equal(responses.Count * itemsPerMessage, await SqliteFile.CountDeclarationsAsync(server.DatabasePath, Ct));
        Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), ServerProcess.IsStackFrame);
    }

    private static SubmitDeclarationBatchRequest Message(ref int items)
    {
        var message = new SubmitDeclarationBatchRequest();
        for (var i = 0; i < ItemsPerMessage; i++)
        {
            message.Items.Add(Workers.Stg(items++));
        }
        return message;
    }

    private static void AssertAllDeclarations(SubmitDeclarationBatchResponse response)
    {
        Assert.Equal(ItemsPerMessage, response.Results.Count);
        Assert.All(response.Results, r => Assert.Equal(DeclarationStatus.Accepted, r.Declaration?.Status));
    }
}
