using Dimona.Grpc.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Console.Tests;

/// <summary>The console client against the real server in memory: the sessions the README shows.</summary>
public class ConsoleSessionTests
{
    private const string Stg = "--enterprise-number 0403019261 --niss 93051822361 --worker-type STG --employment-nature employee --activity-risk 401 --intern-type F1";

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(DimonaServerFactory server, string commandLine)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var cli = new DimonaCli(_ => server.CreateDimonaClient(), output, error);
        var exitCode = await cli.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData($"submit {Stg} --start-date 2019-12-31 --end-date 2020-01-31", "REFUSED", "00910-008")]
    [InlineData($"submit {Stg} --start-date 2027-02-01", "REFUSED", "00911-001")]
    [InlineData("submit --provisional-onss-number 5123456773 --niss 93051822361 --worker-type STG --start-date 2027-02-01 --end-date 2027-03-31 --employment-nature employee --intern-type F1", "REFUSED", "90256-151")]
    [InlineData("submit --enterprise-number 0403019261 --niss 93051822361 --worker-type IVT --start-date 2027-02-01 --end-date 2027-03-31 --employment-nature worker --activity-risk 401 --intern-type F2", "REFUSED", "00041-521")]
    public async Task Submit_BrokenRule_PrintsRefusedWithTheOfficialCode(string commandLine, string status, string code)
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, error) = await RunAsync(server, commandLine);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Status:                   {status}", output, StringComparison.Ordinal);
        Assert.Contains($"{code}  blocking", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Period id:", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task SubmitThenGet_WellFormedStg_IsAcceptedWithAPeriodAndReadBackAsSubmitted()
    {
        await using var server = new DimonaServerFactory();

        var (_, submitted, _) = await RunAsync(server, $"submit {Stg} --start-date 2027-02-01 --end-date 2027-03-31 --reference stage-2027");
        var number = submitted.Split('\n').Single(l => l.StartsWith("Declaration number:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var (exitCode, read, _) = await RunAsync(server, $"get {number}");

        Assert.Contains("Status:                   ACCEPTED", submitted, StringComparison.Ordinal);
        Assert.Contains($"Period id:                {number}", submitted, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"Period id:                {number}", read, StringComparison.Ordinal);
        Assert.Contains("Worker:                   NISS 93051822361", read, StringComparison.Ordinal);
        Assert.Contains("End date:                 2027-03-31", read, StringComparison.Ordinal);
        Assert.Contains("Reference:                stage-2027", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ExampleFile_IsAccepted()
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, error) = await RunAsync(server, $"submit --file {Path.Combine(AppContext.BaseDirectory, "examples", "stg.json")}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Status:                   ACCEPTED", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Submit_WorkerByIdentificationData_PrintsPending()
    {
        await using var server = new DimonaServerFactory();

        var (_, output, _) = await RunAsync(server,
            "submit --enterprise-number 0403019261 --worker-type STG --start-date 2027-02-01 --end-date 2027-03-31 --employment-nature employee --intern-type F1 "
            + "--family-name Peeters --given-name An --birth-date 2004-05-17 --birth-place Gent --birth-country BE --sex female --nationality BE "
            + "--street Veldstraat --house-number 12 --post-code 9000 --municipality Gent --country BE");

        Assert.Contains("Status:                   PENDING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NissWithWrongCheckDigit_PrintsInvalidArgumentNamingWorkerNiss()
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, error) = await RunAsync(server,
            "submit --enterprise-number 0403019261 --niss 93051822362 --worker-type STG --start-date 2027-02-01 --end-date 2027-03-31 --employment-nature employee --intern-type F1");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal("", output);
        Assert.Contains("error: InvalidArgument", error, StringComparison.Ordinal);
        Assert.Contains("  worker.niss: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ExampleCsv_AnswersEveryLineAndARerunGetsTheSameResultsWithoutStoringMore()
    {
        await using var server = new DimonaServerFactory();
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "batch.csv");
        var firstResults = Path.Combine(Path.GetTempPath(), $"dimona-batch-{Guid.NewGuid():N}.csv");
        var againResults = Path.Combine(Path.GetTempPath(), $"dimona-batch-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, output, error) = await RunAsync(server, $"batch {example} --results {firstResults} --chunk-size 3");
            TestContext.Current.TestOutputHelper?.WriteLine($"$ dimona batch examples/batch.csv\n{output}");
            var stored = await CountDeclarationsAsync(server);
            var (againExitCode, againOutput, _) = await RunAsync(server, $"batch {example} --results {againResults}");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal("", error);
            Assert.StartsWith(
                """
                Lines:                    10
                Accepted:                 6
                Accepted with warnings:   1
                Refused:                  1
                Pending:                  1
                Errors:                   1      (rejected by the service: INVALID_ARGUMENT)
                Invalid lines:            0

                """,
                output.ReplaceLineEndings("\n"),
                StringComparison.Ordinal);
            var results = File.ReadAllLines(firstResults);
            Assert.Equal(11, results.Length);
            Assert.Equal(
                ["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED_WITH_WARNINGS", "REFUSED", "PENDING", "ERROR", "ACCEPTED"],
                results.Skip(1).Select(line => line.Split(',')[3]));
            Assert.Matches("^7,[0-9a-f-]{36},[0-9]{12},ACCEPTED_WITH_WARNINGS,90373-460,$", results[6]);
            Assert.Matches("^8,[0-9a-f-]{36},[0-9]{12},REFUSED,00911-001,$", results[7]);
            Assert.Matches("^10,[0-9a-f-]{36},,ERROR,,INVALID_ARGUMENT INVALID_REQUEST worker.niss$", results[9]);
            Assert.StartsWith("11,6f1c2a8e-3b7d-4e59-9a10-2d4c8b7e5f31,", results[10], StringComparison.Ordinal);
            Assert.Equal(9, stored);
            Assert.Equal(ExitCodes.Success, againExitCode);
            Assert.Equal(output.Replace(firstResults, againResults, StringComparison.Ordinal), againOutput);
            Assert.Equal(results, File.ReadAllLines(againResults));
            Assert.Equal(stored, await CountDeclarationsAsync(server));
        }
        finally
        {
            File.Delete(firstResults);
            File.Delete(againResults);
        }
    }

    [Fact]
    public async Task Batch_ExampleNdjson_AnswersEveryLine()
    {
        await using var server = new DimonaServerFactory();
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "batch.ndjson");
        var resultsPath = Path.Combine(Path.GetTempPath(), $"dimona-batch-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, _, error) = await RunAsync(server, $"batch {example} --results {resultsPath}");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal("", error);
            Assert.Equal(
                ["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED_WITH_WARNINGS", "REFUSED", "PENDING", "ERROR", "ACCEPTED"],
                File.ReadAllLines(resultsPath).Skip(1).Select(line => line.Split(',')[3]));
        }
        finally
        {
            File.Delete(resultsPath);
        }
    }

    private static async Task<int> CountDeclarationsAsync(DimonaServerFactory server)
    {
        await using var db = server.CreateDbContext();
        return await db.Declarations.CountAsync(TestContext.Current.CancellationToken);
    }
}
