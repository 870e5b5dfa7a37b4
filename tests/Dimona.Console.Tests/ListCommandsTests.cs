using Dimona.V1;

namespace Dimona.Console.Tests;

/// <summary>dimona list, periods and period against a fake client.</summary>
public class ListCommandsTests
{
    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task List_Filters_AreSentAndTheNextPageCommandKeepsThem()
    {
        client.ListResponse = new ListDeclarationsResponse
        {
            Declarations = { Samples.AcceptedOut(), Samples.FlexiShift() },
            NextPageToken = "Cg4yMDMw",
        };

        var exitCode = await RunAsync(
            "list", "--enterprise-number", "0403019261", "--worker", "99070723138", "--worker-type", "FLX", "--status", "accepted",
            "--kind", "in", "--from", "2030-01-01", "--to", "2030-12-31", "--page-size", "2");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<ListDeclarationsRequest>(Assert.Single(client.Requests));
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("99070723138", request.WorkerNiss);
        Assert.Equal(WorkerType.Flx, request.WorkerType);
        Assert.Equal(DeclarationStatus.Accepted, request.Status);
        Assert.Equal(DeclarationKind.In, request.Kind);
        Assert.Equal(("2030-01-01", "2030-12-31"), (request.FromDate, request.ToDate));
        Assert.Equal(2, request.PageSize);
        Assert.Equal("", request.PageToken);
        Assert.EndsWith(
            """
            651770215570  IN    ACCEPTED  651770215570  99070723138  2030-05-02 0800-1200, FLX  2030-05-01 07:30

            Shown:                    2 declarations, newest first
            Next page token:          Cg4yMDMw
            Next page:                dimona list --enterprise-number 0403019261 --worker 99070723138 --worker-type FLX --status accepted --kind in --from 2030-01-01 --to 2030-12-31 --page-size 2 --page-token Cg4yMDMw

            """,
            Output(),
            StringComparison.Ordinal);
        Assert.StartsWith("Number        Kind  Status    Period        Worker", Output(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NextPage_SendsTheTokenAndSaysWhenItIsTheLast()
    {
        client.ListResponse = new ListDeclarationsResponse { Declarations = { Samples.RefusedStg() } };

        await RunAsync("list", "--enterprise-number", "0403019261", "--page-size", "2", "--page-token", "Cg4yMDMw");

        Assert.Equal("Cg4yMDMw", Assert.IsType<ListDeclarationsRequest>(Assert.Single(client.Requests)).PageToken);
        Assert.EndsWith("\nShown:                    1 declaration, newest first (last page)\n", Output(), StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", Output(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NothingFound_PrintsNoTableAndSaysSo()
    {
        var exitCode = await RunAsync("list", "--enterprise-number", "0403019261", "--kind", "cancel");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("Shown:                    0 declarations, newest first (last page)\n", Output());
    }

    [Theory]
    [InlineData("--page-size 0", "--page-size must be from 1 to 500")]
    [InlineData("--page-size 501", "--page-size must be from 1 to 500")]
    [InlineData("--status OK", "--status: unknown code 'OK'")]
    [InlineData("--kind CLOSE", "--kind: unknown code 'CLOSE'")]
    public async Task List_BadOption_IsAUsageErrorAndAsksNothing(string option, string message)
    {
        var exitCode = await RunAsync(["list", "--enterprise-number", "0403019261", .. option.Split(' ')]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoEmployer_IsAUsageError()
    {
        var exitCode = await RunAsync("list");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith("error: the employer is required", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Periods_Filters_AreSentAndEachPeriodPrintedWithItsStateAndDates()
    {
        client.PeriodsResponse = new ListPeriodsResponse
        {
            Periods = { Samples.ClosedStudentPeriod(), Samples.OpenPeriod() },
            NextPageToken = "next",
        };

        var exitCode = await RunAsync(
            "--address", "http://dimona.test:5000", "periods", "--provisional-onss-number", "5123456773", "--worker", "93051822361",
            "--from", "2030-01-01", "--to", "2030-06-30", "--page-size", "2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(
            new ListPeriodsRequest
            {
                Employer = new EmployerId { ProvisionalOnssNumber = "5123456773" },
                WorkerNiss = "93051822361",
                FromDate = "2030-01-01",
                ToDate = "2030-06-30",
                PageSize = 2,
            },
            Assert.Single(client.Requests));
        Assert.Equal(
            """
            Period        State   Worker       Type  Committee  Start       End         Hours       Planned
            857416368505  closed  93051822361  STU   XXX        2030-02-01  2030-06-30  until 1700  120
            219547190494  open    85031214540  OTH   XXX        2030-02-01  open        -           -

            Shown:                    2 periods, latest start first
            Next page token:          next
            Next page:                dimona --address http://dimona.test:5000 periods --provisional-onss-number 5123456773 --worker 93051822361 --from 2030-01-01 --to 2030-06-30 --page-size 2 --page-token next

            """,
            Output());
    }

    [Fact]
    public async Task Period_Id_PrintsThePeriodThenItsHistoryOldestFirst()
    {
        client.PeriodResponse = new GetPeriodResponse
        {
            Period = Samples.OpenPeriod(),
            Declarations = { Samples.FlexiShift(), Samples.AcceptedOut() },
        };

        var exitCode = await RunAsync("period", "219547190494");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("219547190494", Assert.IsType<GetPeriodRequest>(Assert.Single(client.Requests)).PeriodId);
        Assert.StartsWith("Period id:                219547190494\nState:                    open\n", Output(), StringComparison.Ordinal);
        Assert.Contains(
            """
            Worker type:              not given (OTH)

            History (2 declarations, oldest first):
            Number        Kind  Status    Period        Worker       Declared                   Received (UTC)    Anomalies
            651770215570  IN    ACCEPTED  651770215570  99070723138  2030-05-02 0800-1200, FLX  2030-05-01 07:30
            125642118166  OUT   ACCEPTED  857416368505  -            ends 2030-06-30 at 1700    2030-06-28 16:05

            """,
            Output(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Period_NoId_IsAUsageError()
    {
        var exitCode = await RunAsync("period");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("Run 'dimona period --help' for usage.", error.ToString(), StringComparison.Ordinal);
    }

    private string Output() => output.ToString().ReplaceLineEndings("\n");

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
