using Dimona.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

public class GetDeclarationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AcceptedDeclaration_ReturnsItAsSubmittedWithItsResult()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var request = Requests.Stg();
        var submitted = (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

        var read = (await client.GetDeclarationAsync(new() { DeclarationNumber = submitted.DeclarationNumber }, cancellationToken: Ct)).Declaration;

        Assert.Equal(submitted, read);
        Assert.Equal(request.RequestId, read.RequestId);
        Assert.Equal(request.Employer, read.Employer);
        Assert.Equal(request.Worker, read.Worker);
        Assert.Equal(request.Reference, read.Reference);
        Assert.Equal(request.DimonaIn, read.DimonaIn);
        Assert.Equal(DeclarationStatus.Accepted, read.Status);
    }

    [Fact]
    public async Task Get_RefusedAndPendingDeclarations_ReturnTheirAnomaliesAndWorker()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var refused = Requests.Stg();
        refused.DimonaIn.StartDate = "2019-12-31";
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };
        var refusedNumber = (await client.SubmitDeclarationAsync(refused, cancellationToken: Ct)).Declaration.DeclarationNumber;
        var pendingNumber = (await client.SubmitDeclarationAsync(pending, cancellationToken: Ct)).Declaration.DeclarationNumber;

        var readRefused = (await client.GetDeclarationAsync(new() { DeclarationNumber = refusedNumber }, cancellationToken: Ct)).Declaration;
        var readPending = (await client.GetDeclarationAsync(new() { DeclarationNumber = pendingNumber }, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Refused, readRefused.Status);
        Assert.Contains(readRefused.Anomalies, a => a.Code == "00910-008" && a.Field == "dimona_in.start_date" && a.Message.Length > 0);
        Assert.Equal(DeclarationStatus.Pending, readPending.Status);
        Assert.Equal(pending.Worker.Identification, readPending.Worker.Identification);
    }

    [Fact]
    public async Task Get_StoredRequestWithFieldsSinceRetired_IsStillReadable()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var number = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration.DeclarationNumber;
        await using (var db = server.CreateDbContext())
        {
            var row = await db.Declarations.SingleAsync(d => d.DeclarationNumber == number, Ct);
            row.ReceivedJson = row.ReceivedJson.Insert(1, "\"retiredField\": 42, ");
            await db.SaveChangesAsync(Ct);
        }

        var read = (await client.GetDeclarationAsync(new() { DeclarationNumber = number }, cancellationToken: Ct)).Declaration;

        Assert.Equal(Requests.Niss, read.Worker.Niss);
    }

    [Fact]
    public async Task Get_UnknownNumber_FailsNotFound()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.NotFound, () => server.CreateDimonaClient()
            .GetDeclarationAsync(new() { DeclarationNumber = "658690837083" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("DECLARATION_NOT_FOUND", status.Reason());
        Assert.Equal("No declaration has number 658690837083.", status.Message);
    }

    [Theory]
    [InlineData("658690837084")]
    [InlineData("12345")]
    [InlineData("")]
    public async Task Get_MalformedNumber_FailsNamingTheField(string number)
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient()
            .GetDeclarationAsync(new() { DeclarationNumber = number }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["declaration_number"], status.BadFields());
    }
}
