using Dimona.Grpc.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Console.Tests;

/// <summary>The console client against the real server in memory: the sessions the README shows.</summary>
public class ConsoleSessionTests
{
    private const string Acme = "--enterprise-number 0403019261";

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

    [Fact]
    public async Task Out_OpenPeriod_PreviewStoresNothingThenTheOutClosesItAndGetShowsIt()
    {
        await using var server = new DimonaServerFactory();
        var period = NumberIn((await RunAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01")).Output);
        var stored = await CountDeclarationsAsync(server);

        var (previewExitCode, preview, _) = await RunAsync(server, $"out {period} {Acme} --end-date 2030-06-30 --validate-only");
        var storedAfterPreview = await CountDeclarationsAsync(server);
        var (exitCode, closed, error) = await RunAsync(server, $"out {period} {Acme} --end-date 2030-06-30 --end-hour 1700");
        var (_, read, _) = await RunAsync(server, $"get {NumberIn(closed)}");

        Assert.Equal(ExitCodes.Success, previewExitCode);
        Assert.StartsWith("Preview only:             nothing was stored", preview, StringComparison.Ordinal);
        Assert.Contains("Status:                   ACCEPTED", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("Declaration number:", preview, StringComparison.Ordinal);
        Assert.Equal(stored, storedAfterPreview);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Status:                   ACCEPTED", closed, StringComparison.Ordinal);
        Assert.Contains($"Period id:                {period}", closed, StringComparison.Ordinal);
        Assert.NotEqual(period, NumberIn(closed));
        Assert.Contains(
            $"""
            Declaration:              Dimona OUT
            Employer:                 enterprise number 0403019261
            Worker:                   not given
            Period to close:          {period}
            End date:                 2030-06-30
            End hour:                 1700
            """,
            read.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ClosedPeriod_ChangesTheEndDateThenReOpensIt()
    {
        await using var server = new DimonaServerFactory();
        var period = NumberIn((await RunAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01 --end-date 2030-03-31")).Output);

        var (exitCode, extended, _) = await RunAsync(server, $"update {period} {Acme} --end-date 2030-04-30 --niss 85031214540");
        var (_, reOpened, _) = await RunAsync(server, $"update {period} {Acme} --end-date 9999-12-31");
        var (_, read, _) = await RunAsync(server, $"get {NumberIn(reOpened)}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Status:                   ACCEPTED", extended, StringComparison.Ordinal);
        Assert.Contains($"Period id:                {period}", extended, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", reOpened, StringComparison.Ordinal);
        Assert.Contains("Declaration:              Dimona UPDATE", read, StringComparison.Ordinal);
        Assert.Contains($"Period to change:         {period}", read, StringComparison.Ordinal);
        Assert.Contains("New end date:             none: re-opens the period (9999-12-31)", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_Period_IsAcceptedOnceThenRefusedAsTheCancelledPeriodCannotChange()
    {
        await using var server = new DimonaServerFactory();
        var period = NumberIn((await RunAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01 --end-date 2030-03-31")).Output);

        var (exitCode, cancelled, _) = await RunAsync(server, $"cancel {period} {Acme}");
        var (againExitCode, again, _) = await RunAsync(server, $"cancel {period} {Acme}");
        var (_, closedAfter, _) = await RunAsync(server, $"out {period} {Acme} --end-date 2030-06-30");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Status:                   ACCEPTED", cancelled, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, againExitCode);
        Assert.StartsWith("Status:                   REFUSED", again, StringComparison.Ordinal);
        Assert.Contains("00913-355  blocking  dimona_cancel.period_id", again, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   REFUSED", closedAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_PeriodThatDoesNotExist_IsRefusedWithTheOfficialCode()
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, _) = await RunAsync(server, $"out 577917548973 {Acme} --end-date 2030-06-30");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Status:                   REFUSED", output, StringComparison.Ordinal);
        Assert.Contains("00913-354  blocking  dimona_out.period_id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TwoFlexiShiftsOnOneDay_AreTwoPeriodsAndTheSameShiftAgainIsRefused()
    {
        await using var server = new DimonaServerFactory();
        const string Shift = $"submit {Acme} --niss 99070723138 --worker-type FLX --start-date 2026-12-05 --end-date 2026-12-05";

        var (_, morning, _) = await RunAsync(server, $"{Shift} --start-hour 0800 --end-hour 1200");
        var (_, evening, _) = await RunAsync(server, $"{Shift} --start-hour 1800 --end-hour 2200");
        var (_, eveningAgain, _) = await RunAsync(server, $"{Shift} --start-hour 1800 --end-hour 2200 --validate-only");

        Assert.StartsWith("Status:                   ACCEPTED", morning, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", evening, StringComparison.Ordinal);
        Assert.NotEqual(NumberIn(morning), NumberIn(evening));
        Assert.Contains($"Period id:                {NumberIn(evening)}", evening, StringComparison.Ordinal);
        Assert.Contains("Status:                   REFUSED", eveningAgain, StringComparison.Ordinal);
        Assert.Contains($"90373-333  blocking  dimona_in  This period is already declared as period {NumberIn(evening)}", eveningAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ValidateOnly_AnswersTheResultAndStoresNothing()
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, _) = await RunAsync(server, $"submit {Stg} --start-date 2027-02-01 --validate-only");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Preview only:             nothing was stored and no number was drawn", output, StringComparison.Ordinal);
        Assert.Contains("Status:                   REFUSED", output, StringComparison.Ordinal);
        Assert.Contains("00911-001  blocking", output, StringComparison.Ordinal);
        Assert.Equal(0, await CountDeclarationsAsync(server));
    }

    [Fact]
    public async Task SubmitThenGet_InWithPlaceOfWorkUserCompanyAndControlCards_IsAcceptedAndReadBack()
    {
        await using var server = new DimonaServerFactory();

        var (_, student, _) = await RunAsync(server,
            $"submit {Acme} --niss 93051822361 --worker-type STU --planned-hours 40 --start-date 2030-07-01 --end-date 2030-07-31 "
            + "--place-of-work-name Winkel --place-of-work-street Meir --place-of-work-house-number 1 --place-of-work-post-code 2000 "
            + "--place-of-work-municipality Antwerpen --place-of-work-country BE");
        var (_, agencyWorker, _) = await RunAsync(server,
            $"submit {Acme} --niss 01041512387 --joint-committee 322 --start-date 2030-07-01 --end-date 2030-07-31 --user-company-enterprise-number 0123456749");
        var (_, construction, _) = await RunAsync(server,
            $"submit {Acme} --niss 04022908743 --joint-committee 124 --start-date 2030-07-20 --end-date 2030-08-10 "
            + "--first-month-c32a-number 123456789012 --next-month-c32a-number 123456789013");
        var (_, studentRead, _) = await RunAsync(server, $"get {NumberIn(student)}");
        var (_, agencyWorkerRead, _) = await RunAsync(server, $"get {NumberIn(agencyWorker)}");
        var (_, constructionRead, _) = await RunAsync(server, $"get {NumberIn(construction)}");

        Assert.All([student, agencyWorker, construction], output => Assert.StartsWith("Status:                   ACCEPTED", output, StringComparison.Ordinal));
        Assert.Contains("Place of work:            Winkel, Meir 1, 2000 Antwerpen, BE", studentRead, StringComparison.Ordinal);
        Assert.Contains("User company:             enterprise number 0123456749", agencyWorkerRead, StringComparison.Ordinal);
        Assert.Contains("C3.2A first month:        123456789012", constructionRead, StringComparison.Ordinal);
        Assert.Contains("C3.2A next month:         123456789013", constructionRead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_ChangesExampleOnPeriodsOfTheServer_AnswersEachKind()
    {
        await using var server = new DimonaServerFactory();
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "changes.csv");
        var text = File.ReadAllText(example);
        var examplePeriods = File.ReadAllLines(example).Skip(1).Select(line => line.Split(',')[1]).Where(id => id.Length > 0).Distinct().ToList();
        string[] workers = ["85031214540", "93051822361", "01041512387"];
        Assert.InRange(examplePeriods.Count, 1, workers.Length);
        for (var i = 0; i < examplePeriods.Count; i++)
        {
            var (_, declared, _) = await RunAsync(server, $"submit {Acme} --niss {workers[i]} --start-date 2030-02-01");
            text = text.Replace(examplePeriods[i], NumberIn(declared), StringComparison.Ordinal);
        }

        var path = Path.Combine(Path.GetTempPath(), $"dimona-changes-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var (exitCode, output, error) = await RunAsync(server, $"batch {path}");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal("", error);
            TestContext.Current.TestOutputHelper?.WriteLine($"$ dimona batch changes.csv\n{output}");
            var results = File.ReadAllLines(BatchResultsFile(path)).Skip(1).Select(line => line.Split(',')).ToList();
            Assert.Equal(ChangesExampleStatuses, results.Select(fields => fields[3]));
            Assert.All(results, fields => Assert.Matches("^[0-9]{12}$", fields[2]));
        }
        finally
        {
            File.Delete(path);
            File.Delete(BatchResultsFile(path));
        }
    }

    [Fact]
    public async Task Batch_NdjsonOfChanges_AnswersEachKind()
    {
        await using var server = new DimonaServerFactory();
        var open = NumberIn((await RunAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01")).Output);
        var closed = NumberIn((await RunAsync(server, $"submit {Acme} --niss 93051822361 --start-date 2030-02-01 --end-date 2030-03-31")).Output);
        var path = Path.Combine(Path.GetTempPath(), $"dimona-changes-{Guid.NewGuid():N}.ndjson");
        File.WriteAllLines(path,
        [
            $$$"""{"employer":{"enterpriseNumber":"0403019261"},"dimonaOut":{"periodId":"{{{open}}}","endDate":"2030-06-30"}}""",
            $$$"""{"employer":{"enterpriseNumber":"0403019261"},"dimonaUpdate":{"periodId":"{{{closed}}}","endDate":"2030-04-30"}}""",
            $$$"""{"employer":{"enterpriseNumber":"0403019261"},"dimonaCancel":{"periodId":"{{{closed}}}"}}""",
            $$$"""{"employer":{"enterpriseNumber":"0403019261"},"dimonaCancel":{"periodId":"{{{closed}}}"}}""",
        ]);
        try
        {
            var (exitCode, _, error) = await RunAsync(server, $"batch {path}");

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal("", error);
            Assert.Equal(
                ["ACCEPTED", "ACCEPTED", "ACCEPTED", "REFUSED"],
                File.ReadAllLines(BatchResultsFile(path)).Skip(1).Select(line => line.Split(',')[3]));
        }
        finally
        {
            File.Delete(path);
            File.Delete(BatchResultsFile(path));
        }
    }

    /// <summary>The two flexi shifts, the OUT and UPDATE of one open period and the CANCEL of another.</summary>
    private static readonly string[] ChangesExampleStatuses = ["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"];

    private static string BatchResultsFile(string path) => path + ".results.csv";

    /// <summary>The declaration number a submit, out, update or cancel printed.</summary>
    private static string NumberIn(string output) =>
        output.Split('\n').Single(line => line.StartsWith("Declaration number:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();

    private static async Task<int> CountDeclarationsAsync(DimonaServerFactory server)
    {
        await using var db = server.CreateDbContext();
        return await db.Declarations.CountAsync(TestContext.Current.CancellationToken);
    }
}
