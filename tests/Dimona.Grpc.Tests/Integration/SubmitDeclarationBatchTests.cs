using Dimona.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

public class SubmitDeclarationBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batch_MixedItems_AnswersEachInItsSlotInOrder()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var accepted = Requests.Stg();
        var badNiss = Requests.Stg();
        badNiss.Worker.Niss = "93051822362";
        var unknownEmployer = Requests.Stg("0123456749");
        var refused = Requests.Stg();
        refused.DimonaIn.StartDate = "2027-05-01";
        refused.DimonaIn.EndDate = "";
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };

        var results = await batch.SendAsync(accepted, badNiss, unknownEmployer, refused, pending);

        Assert.Equal(5, results.Count);
        Assert.Equal(DeclarationStatus.Accepted, results[0].Declaration.Status);
        Assert.Equal(accepted.RequestId, results[0].Declaration.RequestId);
        Assert.Equal((int)Code.InvalidArgument, results[1].Error.Code);
        Assert.Equal(["worker.niss"], results[1].Error.BadFields());
        Assert.Equal("INVALID_REQUEST", results[1].Error.Reason());
        Assert.Equal((int)Code.NotFound, results[2].Error.Code);
        Assert.Equal("EMPLOYER_NOT_FOUND", results[2].Error.Reason());
        Assert.Equal(DeclarationStatus.Refused, results[3].Declaration.Status);
        Assert.Contains(results[3].Declaration.Anomalies, a => a.Code == "00911-001");
        Assert.Equal(DeclarationStatus.Pending, results[4].Declaration.Status);

        var later = Requests.Stg();
        later.Worker.Niss = Workers.Niss(1);
        var next = await batch.SendAsync(later);
        Assert.Equal(DeclarationStatus.Accepted, Assert.Single(next).Declaration.Status);
        await batch.CompleteAsync();

        await using var db = server.CreateDbContext();
        Assert.Equal(4, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Batch_Declaration_IsReadBackByGetDeclarationAsAnswered()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var request = Requests.Stg();

        var answered = Assert.Single(await batch.SendAsync(request)).Declaration;
        var stored = (await server.CreateDimonaClient().GetDeclarationAsync(
            new GetDeclarationRequest { DeclarationNumber = answered.DeclarationNumber }, cancellationToken: Ct)).Declaration;

        Assert.Equal(answered, stored);
    }

    [Fact]
    public async Task Batch_OverlappingPeriodsInOneMessage_SecondIsRefused()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var first = Requests.Stg();
        var identical = BatchCalls.Copies(first, 1)[0];
        var overlapping = BatchCalls.Copies(first, 1)[0];
        overlapping.DimonaIn.StartDate = "2027-03-01";
        overlapping.DimonaIn.EndDate = "2027-04-30";

        var results = await batch.SendAsync(first, identical, overlapping);

        Assert.Equal(DeclarationStatus.Accepted, results[0].Declaration.Status);
        Assert.Equal(["90373-333"], results[1].Declaration.Anomalies.Select(a => a.Code));
        Assert.Equal(["90373-334"], results[2].Declaration.Anomalies.Select(a => a.Code));
    }

    [Fact]
    public async Task Batch_SameRequestIdTwiceInOneMessage_SameContentGetsTheFirstDeclarationOtherContentAlreadyExists()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var first = Requests.Stg();
        var other = first.Clone();
        other.Reference = "another";

        var results = await batch.SendAsync(first, first, other);

        Assert.Equal(results[0].Declaration, results[1].Declaration);
        Assert.Equal((int)Code.AlreadyExists, results[2].Error.Code);
        Assert.Equal("REQUEST_ID_REUSED", results[2].Error.Reason());
        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Batch_ResentOnANewStream_ReturnsTheFirstResultsAndStoresNothingNew()
    {
        await using var server = new DimonaServerFactory();
        var items = Enumerable.Range(1, 9).Select(day =>
        {
            var r = Requests.Stg();
            r.DimonaIn.StartDate = $"2027-02-0{day}";
            r.DimonaIn.EndDate = $"2027-02-0{day}";
            return r;
        }).ToArray();
        IReadOnlyList<BatchItemResult> first, again;
        using (var batch = new BatchCalls(server.CreateDimonaClient()))
        {
            first = await batch.SendAsync(items);
            await batch.CompleteAsync();
        }
        var reused = items[0].Clone();
        reused.Reference = "changed";

        using (var batch = new BatchCalls(server.CreateDimonaClient()))
        {
            again = await batch.SendAsync([.. items, reused]);
            await batch.CompleteAsync();
        }

        Assert.Equal(first.Select(r => r.Declaration), again.Take(9).Select(r => r.Declaration));
        Assert.Equal("REQUEST_ID_REUSED", again[9].Error.Reason());
        await using var db = server.CreateDbContext();
        Assert.Equal(9, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Batch_EmptyMessage_GetsAnEmptyResponse()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());

        Assert.Empty(await batch.SendAsync());
        await batch.CompleteAsync();
    }

    [Fact]
    public async Task Batch_MessageOverTheItemLimit_EndsTheStreamWithInvalidArgumentAfterAnsweringEarlierMessages()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        await batch.WriteAsync(Requests.Stg());
        await batch.WriteRefusedAsync(BatchCalls.Copies(Requests.Stg(), 1001));

        Assert.Equal(DeclarationStatus.Accepted, Assert.Single(await batch.ReadAsync()).Declaration.Status);
        var status = await batch.EndsWithAsync(StatusCode.InvalidArgument);
        Assert.Equal("BATCH_TOO_LARGE", status.Reason());
        Assert.Equal(["items"], status.BadFields());
        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Batch_MessageOverFourMebibytes_EndsTheStreamWithResourceExhaustedAfterAnsweringEarlierMessages()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var bulky = BatchCalls.Copies(Requests.Stg(), 500);
        foreach (var item in bulky)
        {
            item.Reference = new string('x', 9000); // 500 × 9 kB: past the 4 MiB a message may weigh
        }

        await batch.WriteAsync(Requests.Stg());
        await batch.WriteRefusedAsync(bulky);

        Assert.Equal(DeclarationStatus.Accepted, Assert.Single(await batch.ReadAsync()).Declaration.Status);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await batch.ReadAsync());
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Batch_ManyMessagesWrittenAhead_AreAllAnsweredInOrder()
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var messages = Enumerable.Range(0, 30).Select(m => Enumerable.Range(0, 20).Select(i =>
        {
            var r = Requests.Stg();
            r.Worker.Niss = Workers.Niss(m * 20 + i);
            return r;
        }).ToArray()).ToArray();

        var writing = Task.Run(async () =>
        {
            foreach (var message in messages)
            {
                await batch.WriteAsync(message);
            }
        }, Ct);
        foreach (var message in messages)
        {
            var results = await batch.ReadAsync();
            Assert.Equal(message.Select(r => r.RequestId), results.Select(r => r.Declaration.RequestId));
            Assert.All(results, r => Assert.Equal(DeclarationStatus.Accepted, r.Declaration.Status));
        }
        await writing;
        await batch.CompleteAsync();
    }
}
