using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Tests;

/// <summary>dimona pending and resolve against a fake client.</summary>
public class OperatorCommandsTests
{
    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task Pending_Page_ListsEachWithItsEmployerAndWorkerAndTheNextPageCommand()
    {
        client.PendingResponse = new ListPendingDeclarationsResponse
        {
            Declarations =
            {
                new Declaration
                {
                    DeclarationNumber = "195187774801",
                    Status = DeclarationStatus.Pending,
                    Employer = new EmployerId { EnterpriseNumber = "0403019261" },
                    Worker = new Worker { Identification = new WorkerIdentification { FamilyName = "Peeters", GivenName = "An", BirthDate = "2004-05-17" } },
                    DimonaIn = new DimonaIn { StartDate = "2030-02-01", EndDate = "2030-03-31", WorkerType = WorkerType.Stg },
                },
            },
            NextPageToken = "p2",
        };

        var exitCode = await RunAsync("pending", "--page-size", "1");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(new ListPendingDeclarationsRequest { PageSize = 1 }, Assert.Single(client.Requests));
        Assert.Equal(
            """
            Number        Kind  Status   Period  Employer    Worker                         Declared                       Received (UTC)  Anomalies
            195187774801  IN    PENDING  -       0403019261  Peeters, An (born 2004-05-17)  2030-02-01 to 2030-03-31, STG  -

            Shown:                    1 pending declaration, oldest first
            Next page token:          p2
            Next page:                dimona pending --page-size 1 --page-token p2

            """,
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Pending_LastPage_SendsTheTokenAndSaysItIsTheLast()
    {
        var exitCode = await RunAsync("pending", "--page-token", "p2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("p2", Assert.IsType<ListPendingDeclarationsRequest>(Assert.Single(client.Requests)).PageToken);
        Assert.Equal("Shown:                    0 pending declarations, oldest first (last page)\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Resolve_NumberAndNiss_SendsThemAndPrintsTheFinalResultWithTheNiss()
    {
        client.ResolveResponse = new ResolvePendingDeclarationResponse
        {
            Declaration = new Declaration
            {
                DeclarationNumber = "195187774801",
                Status = DeclarationStatus.Accepted,
                PeriodId = "195187774801",
                IdentifiedNiss = "93051822361",
            },
        };

        var exitCode = await RunAsync("resolve", "195187774801", "--niss", "93051822361");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(
            new ResolvePendingDeclarationRequest { DeclarationNumber = "195187774801", Niss = "93051822361" },
            Assert.Single(client.Requests));
        Assert.Equal(
            """
            Status:                   ACCEPTED
            Declaration number:       195187774801
            Period id:                195187774801
            Identified NISS:          93051822361

            """,
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Resolve_NoNiss_IsAUsageErrorAndSendsNothing()
    {
        var exitCode = await RunAsync("resolve", "195187774801");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains("--niss", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_ServiceWithoutTheCall_SaysItDoesNotOfferIt()
    {
        client.Failure = new RpcException(new Status(StatusCode.Unimplemented, ""));

        var exitCode = await RunAsync("--address", "http://dimona.test:5000", "pending");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal(
            "error: Unimplemented: the Dimona service at http://dimona.test:5000/ does not offer this call (an older version of the service?)\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
