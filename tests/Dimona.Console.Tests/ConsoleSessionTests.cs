using Dimona.Grpc.Tests.Integration;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Console.Tests;

/// <summary>The console client against the real server in memory: the sessions the README shows.</summary>
public class ConsoleSessionTests
{
    private const string Acme = "--enterprise-number 0403019261";

    private const string Stg = "--enterprise-number 0403019261 --niss 93051822361 --worker-type STG --employment-nature employee --activity-risk 401 --intern-type F1";

    private const string StgWorker = "--niss 93051822361 --worker-type STG --employment-nature employee --activity-risk 401 --intern-type F1";

    private const string Register =
        "register --name \"Nieuw Atelier BV\" --enterprise-number 0123456749 --category 000 --nace 25620,33120 --street Meir --house-number 50 --post-code 2000 --municipality Antwerpen --country BE";

    /// <summary><see cref="Register"/> without its category and NACE codes.</summary>
    private const string RegisterWithoutActivity =
        "register --name \"Nieuw Atelier BV\" --enterprise-number 0123456749 --street Meir --house-number 50 --post-code 2000 --municipality Antwerpen --country BE";

    private const string Peeters =
        "--family-name Peeters --given-name An --birth-date 2004-05-17 --birth-place Gent --birth-country BE --sex female --nationality BE "
        + "--street Veldstraat --house-number 12 --post-code 9000 --municipality Gent --country BE";

    /// <summary>Runs one command line, split at spaces as a shell would; "double quotes" keep spaces in a word.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(DimonaServerFactory server, string commandLine)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var cli = new DimonaCli(options => server.CreateDimonaClient(options.Token ?? TestTokens.Default), output, error);
        var arguments = Regex.Matches(commandLine, "\"[^\"]*\"|[^ ]+").Select(word => word.Value.Trim('"')).ToArray();
        var exitCode = await cli.RunAsync(arguments, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
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

    [Fact]
    public async Task List_EachFilter_KeepsOnlyItsDeclarationsNewestFirst()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        var student = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 05031204244 --worker-type STU --planned-hours 120 --start-date 2030-01-07 --end-date 2030-02-28"));
        var open = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01"));
        var closing = NumberIn(await RunOkAsync(server, $"out {open} {Acme} --end-date 2030-06-30"));
        var refusedOut = NumberIn(await RunOkAsync(server, $"out {open} {Acme} --end-date 2030-07-31"));
        var flexi = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 99070723138 --worker-type FLX --start-date 2026-12-05 --end-date 2026-12-05 --start-hour 0800 --end-hour 1200"));
        var later = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 05031204244 --start-date 2030-09-01 --end-date 2030-09-30"));

        Assert.Equal([later, flexi, refusedOut, closing, open, student], await ListedAsync(server, $"list {Acme}"));
        Assert.Equal([refusedOut, closing, open], await ListedAsync(server, $"list {Acme} --worker 85031214540"));
        Assert.Equal([later, student], await ListedAsync(server, $"list {Acme} --worker 05031204244"));
        Assert.Equal([student], await ListedAsync(server, $"list {Acme} --worker-type STU"));
        Assert.Equal([flexi], await ListedAsync(server, $"list {Acme} --worker-type flx"));
        Assert.Equal([refusedOut], await ListedAsync(server, $"list {Acme} --status REFUSED"));
        Assert.Equal([refusedOut, closing], await ListedAsync(server, $"list {Acme} --kind OUT"));
        Assert.Equal([closing], await ListedAsync(server, $"list {Acme} --worker 85031214540 --kind OUT --status ACCEPTED"));
        Assert.Equal([student], await ListedAsync(server, $"list {Acme} --from 2030-01-01 --to 2030-01-31"));
        Assert.Equal([flexi], await ListedAsync(server, $"list {Acme} --to 2026-12-31"));
        Assert.Equal([later, open], await ListedAsync(server, $"list {Acme} --from 2030-08-01"));
        var (_, refused, _) = await RunAsync(server, $"list {Acme} --status REFUSED");
        Assert.Equal([refusedOut, "OUT", "REFUSED", open, "-", "ends 2030-07-31", "2026-11-27 09:00", "00913-356"], RowOf(refused, refusedOut));
        Assert.EndsWith("\nShown:                    1 declaration, newest first (last page)\n", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesOfTwo_ShowEachDeclarationOnceNewestFirstAndThePrintedNextPageCommandWorks()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        List<string> declared = [];
        foreach (var (niss, start) in new[] { ("85031214540", "2030-02-01"), ("93051822361", "2030-03-01"), ("01041512387", "2030-04-01"), ("99070723138", "2030-05-01"), ("77020430641", "2030-06-01") })
        {
            declared.Add(NumberIn(await RunOkAsync(server, $"submit {Acme} --niss {niss} --start-date {start} --end-date {start[..8]}20")));
        }

        var (firstExitCode, first, _) = await RunAsync(server, $"list {Acme} --page-size 2");
        var (secondExitCode, second, _) = await RunAsync(server, NextPageIn(first));
        var (thirdExitCode, third, _) = await RunAsync(server, NextPageIn(second));

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (firstExitCode, secondExitCode, thirdExitCode));
        declared.Reverse();
        Assert.Equal(declared[..2], RowsIn(first));
        Assert.Equal(declared[2..4], RowsIn(second));
        Assert.Equal(declared[4..], RowsIn(third));
        Assert.Contains("\nShown:                    2 declarations, newest first\nNext page token:          ", first, StringComparison.Ordinal);
        Assert.StartsWith($"list {Acme} --page-size 2 --page-token ", NextPageIn(first), StringComparison.Ordinal);
        Assert.Equal(FieldIn(first, "Next page token"), NextPageIn(first).Split(' ')[^1]);
        Assert.NotEqual(NextPageIn(first), NextPageIn(second));
        Assert.EndsWith("\nShown:                    1 declaration, newest first (last page)\n", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilteredPages_TheNextPageCommandKeepsTheFilter()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        var open = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01"));
        var ins = new List<string> { open };
        for (var month = 3; month <= 5; month++)
        {
            ins.Add(NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 93051822361 --start-date 2030-0{month}-01 --end-date 2030-0{month}-28")));
            await RunOkAsync(server, $"cancel {ins[^1]} {Acme}");
        }

        var pages = await AllPagesAsync(server, $"list {Acme} --kind IN --page-size 3");

        Assert.Equal(2, pages.Count);
        Assert.Contains("--kind IN --page-size 3 --page-token ", NextPageIn(pages[0]), StringComparison.Ordinal);
        ins.Reverse();
        Assert.Equal(ins, pages.SelectMany(RowsIn));
        Assert.All(pages.SelectMany(page => page.Split('\n').Skip(1).TakeWhile(line => line.Length > 0)), row => Assert.Contains("  IN  ", row, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--page-token bogus")]
    [InlineData("--page-token Cgw3OTA3Njg4ODY4NjM")]
    public async Task List_BadPageToken_PrintsInvalidArgumentNamingPageToken(string pageToken)
    {
        await using var server = new DimonaServerFactory();
        await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01");

        var (exitCode, output, error) = await RunAsync(server, $"list {Acme} {pageToken}");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: InvalidArgument: ", error, StringComparison.Ordinal);
        Assert.Contains("\n  reason: INVALID_REQUEST\n", error, StringComparison.Ordinal);
        Assert.Contains("\n  page_token: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TokenOfOtherFilters_PrintsInvalidArgumentNamingPageToken()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        for (var month = 2; month <= 4; month++)
        {
            await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-0{month}-01 --end-date 2030-0{month}-20");
        }

        var (_, first, _) = await RunAsync(server, $"list {Acme} --page-size 2");
        var (exitCode, output, error) = await RunAsync(server, $"list {Acme} --page-size 2 --kind IN --page-token {FieldIn(first, "Next page token")}");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: InvalidArgument: ", error, StringComparison.Ordinal);
        Assert.Contains("\n  page_token: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Periods_OpenClosedAndCancelled_ShowTheirStateAndDatesLatestStartFirst()
    {
        await using var server = new DimonaServerFactory();
        var open = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01"));
        var closed = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 93051822361 --start-date 2030-03-01 --end-date 2030-03-31"));
        var cancelled = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 01041512387 --start-date 2030-04-01 --end-date 2030-04-30"));
        await RunOkAsync(server, $"cancel {cancelled} {Acme}");
        var flexi = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 99070723138 --worker-type FLX --start-date 2026-12-05 --end-date 2026-12-05 --start-hour 1800 --end-hour 2200"));

        var (exitCode, output, error) = await RunAsync(server, $"periods {Acme}");
        var (_, fromApril, _) = await RunAsync(server, $"periods {Acme} --from 2030-04-01");
        var (_, ofOneWorker, _) = await RunAsync(server, $"periods {Acme} --worker 93051822361");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith("Period        State      Worker       Type  Committee  Start       End         Hours      Planned\n", output, StringComparison.Ordinal);
        Assert.Equal([cancelled, closed, open, flexi], RowsIn(output));
        Assert.Equal([open, "open", "85031214540", "OTH", "XXX", "2030-02-01", "open", "-", "-"], RowOf(output, open));
        Assert.Equal([closed, "closed", "93051822361", "OTH", "XXX", "2030-03-01", "2030-03-31", "-", "-"], RowOf(output, closed));
        Assert.Equal([cancelled, "cancelled", "01041512387", "OTH", "XXX", "2030-04-01", "2030-04-30", "-", "-"], RowOf(output, cancelled));
        Assert.Equal([flexi, "closed", "99070723138", "FLX", "XXX", "2026-12-05", "2026-12-05", "1800-2200", "-"], RowOf(output, flexi));
        Assert.EndsWith("\nShown:                    4 periods, latest start first (last page)\n", output, StringComparison.Ordinal);
        Assert.Equal([cancelled, open], RowsIn(fromApril));
        Assert.Equal([closed], RowsIn(ofOneWorker));
    }

    [Fact]
    public async Task Period_AfterInUpdateOutAndARefusedOut_ShowsThePeriodAsItStandsAndItsHistoryOldestFirst()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        var period = NumberIn(await RunOkAsync(server, $"submit {Acme} --niss 85031214540 --start-date 2030-02-01 --start-hour 0800"));
        var update = NumberIn(await RunOkAsync(server, $"update {period} {Acme} --start-date 2030-02-03"));
        var closing = NumberIn(await RunOkAsync(server, $"out {period} {Acme} --end-date 2030-06-30 --end-hour 1700"));
        var refused = await RunOkAsync(server, $"out {period} {Acme} --end-date 2030-07-31");

        var (exitCode, output, error) = await RunAsync(server, $"period {period}");

        Assert.StartsWith("Status:                   REFUSED", refused, StringComparison.Ordinal);
        Assert.Contains("00913-356  blocking  dimona_out.period_id", refused, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith(
            $"""
            Period id:                {period}
            State:                    closed
            Employer:                 enterprise number 0403019261
            Worker:                   NISS 85031214540
            Start date:               2030-02-03
            End date:                 2030-06-30
            Start hour:               0800
            End hour:                 1700
            Joint committee:          XXX
            Worker type:              OTH

            History (4 declarations, oldest first):

            """,
            output,
            StringComparison.Ordinal);
        Assert.Equal([period, update, closing, NumberIn(refused)], RowsIn(output));
        Assert.Equal(["IN", "UPDATE", "OUT", "OUT"], RowsIn(output).Select(number => RowOf(output, number)[1]));
        Assert.Equal(["ACCEPTED", "ACCEPTED", "ACCEPTED", "REFUSED"], RowsIn(output).Select(number => RowOf(output, number)[2]));
        Assert.All(RowsIn(output), number => Assert.Equal(period, RowOf(output, number)[3]));
        Assert.Equal("start 2030-02-03", RowOf(output, update)[5]);
        Assert.Equal("ends 2030-06-30 at 1700", RowOf(output, closing)[5]);
        Assert.Equal("00913-356", RowOf(output, NumberIn(refused))[^1]);
    }

    [Theory]
    [InlineData("577917548973")]
    public async Task Period_UnknownId_PrintsNotFound(string periodId)
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, error) = await RunAsync(server, $"period {periodId}");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"error: NotFound: ", error, StringComparison.Ordinal);
        Assert.Contains(periodId, error, StringComparison.Ordinal);
        Assert.Contains("\n  reason: PERIOD_NOT_FOUND\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterUnsecured_IsProvisionalUntilConfirmedAndItsProvisionalNumberDeclaresBeforeAndAfter()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());

        var (exitCode, registered, error) = await RunAsync(server, Register);
        var provisional = FieldIn(registered, "Provisional ONSS number");
        var (_, before, _) = await RunAsync(server, $"submit --provisional-onss-number {provisional} --niss 85031214540 --start-date 2030-02-01 --end-date 2030-02-28");
        var (_, stgBefore, _) = await RunAsync(server, $"submit --provisional-onss-number {provisional} {StgWorker} --start-date 2030-02-01 --end-date 2030-03-31");
        var (confirmExitCode, confirmed, _) = await RunAsync(server, $"confirm {provisional}");
        var (_, after, _) = await RunAsync(server, $"submit --provisional-onss-number {provisional} --niss 85031214540 --start-date 2030-03-01 --end-date 2030-03-31");
        var (_, stgAfter, _) = await RunAsync(server, $"submit --provisional-onss-number {provisional} {StgWorker} --start-date 2030-02-01 --end-date 2030-03-31");
        var (_, identified, _) = await RunAsync(server, $"identify --onss-number {FieldIn(confirmed, "ONSS number")}");
        var (againExitCode, againOutput, againError) = await RunAsync(server, $"confirm {provisional}");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Matches("^5[0-9]{9}$", provisional);
        Assert.Equal(
            $"""
            Name:                     Nieuw Atelier BV
            Enterprise number:        0123456749
            ONSS number:              (none)
            Provisional ONSS number:  {provisional}
            Registration:             provisional
            Active:                   yes
            Address:                  Meir 50, 2000 Antwerpen, BE
            Employer category:        000
            NACE-BEL codes:           25620 (main), 33120
            Next step:                ONSS confirms the registration: dimona confirm {provisional}

            """,
            registered);
        Assert.StartsWith("Status:                   ACCEPTED", before, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   REFUSED", stgBefore, StringComparison.Ordinal);
        Assert.Contains("90256-151  blocking  employer", stgBefore, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, confirmExitCode);
        Assert.Matches("^[0-9]{9}$", FieldIn(confirmed, "ONSS number"));
        Assert.Equal(provisional, FieldIn(confirmed, "Provisional ONSS number"));
        Assert.Equal("definitive", FieldIn(confirmed, "Registration"));
        Assert.DoesNotContain("Next step", confirmed, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", after, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", stgAfter, StringComparison.Ordinal);
        Assert.Equal("Nieuw Atelier BV", FieldIn(identified, "Name"));
        Assert.Equal(provisional, FieldIn(identified, "Provisional ONSS number"));
        Assert.Equal("000", FieldIn(identified, "Employer category"));
        Assert.Equal("25620 (main), 33120", FieldIn(identified, "NACE-BEL codes"));
        Assert.Equal(("000", "25620 (main), 33120"), (FieldIn(confirmed, "Employer category"), FieldIn(confirmed, "NACE-BEL codes")));
        Assert.Equal(
            [NumberIn(stgAfter), NumberIn(after), NumberIn(stgBefore), NumberIn(before)],
            await ListedAsync(server, $"list --onss-number {FieldIn(confirmed, "ONSS number")}"));
        Assert.Equal(ExitCodes.RpcError, againExitCode);
        Assert.Equal("", againOutput);
        Assert.StartsWith("error: FailedPrecondition: ", againError, StringComparison.Ordinal);
        Assert.Contains("\n  reason: EMPLOYER_ALREADY_DEFINITIVE\n", againError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "nace_codes", "Between 1 and 10 NACE-BEL activity codes are required")]
    [InlineData(" --nace 25620,3312", "nace_codes[1]", "A NACE-BEL activity code is 5 digits")]
    [InlineData(" --nace 25620 --category 00", "employer_category", "The employer category is 3 digits")]
    public async Task Register_WithoutValidNaceCodesOrCategory_PrintsInvalidArgumentNamingTheFieldAndRegistersNothing(
        string options, string field, string description)
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, output, error) = await RunAsync(server, RegisterWithoutActivity + options);
        var (identifyExitCode, _, identifyError) = await RunAsync(server, "identify --enterprise-number 0123456749");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"error: InvalidArgument: Invalid request: {field}.\n  reason: INVALID_REQUEST\n", error, StringComparison.Ordinal);
        Assert.Contains($"\n  {field}: {description}", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RpcError, identifyExitCode);
        Assert.Contains("\n  reason: EMPLOYER_NOT_FOUND\n", identifyError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterSecured_IsDefinitiveAtOnceAndTheSameEnterpriseNumberAgainPrintsAlreadyExists()
    {
        await using var server = new DimonaServerFactory();

        var (exitCode, registered, _) = await RunAsync(server, $"{Register} --channel secured");
        var (_, stg, _) = await RunAsync(server, $"submit --onss-number {FieldIn(registered, "ONSS number")} {StgWorker} --start-date 2030-02-01 --end-date 2030-03-31");
        var (againExitCode, againOutput, againError) = await RunAsync(server, Register);
        var (demoExitCode, _, demoError) = await RunAsync(
            server, "register --name Again --enterprise-number 0403019261 --nace 56101 --street Meir --house-number 1 --post-code 2000 --municipality Antwerpen --country BE");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches("^[0-9]{9}$", FieldIn(registered, "ONSS number"));
        Assert.Equal("(none)", FieldIn(registered, "Provisional ONSS number"));
        Assert.Equal("definitive", FieldIn(registered, "Registration"));
        Assert.DoesNotContain("Next step", registered, StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", stg, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RpcError, againExitCode);
        Assert.Equal("", againOutput);
        Assert.StartsWith("error: AlreadyExists: ", againError, StringComparison.Ordinal);
        Assert.Contains("0123456749", againError, StringComparison.Ordinal);
        Assert.Contains("\n  reason: EMPLOYER_ALREADY_REGISTERED\n", againError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RpcError, demoExitCode);
        Assert.Contains("\n  reason: EMPLOYER_ALREADY_REGISTERED\n", demoError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingThenResolve_ListsTheDeclarationThenGivesItsFinalStatusPeriodAndNissOnce()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        var declared = await RunOkAsync(server, $"submit {Acme} --worker-type STG --start-date 2030-02-01 --end-date 2030-03-31 --employment-nature employee --intern-type F2 {Peeters}");
        var number = NumberIn(declared);

        var (listExitCode, listed, _) = await RunAsync(server, "pending");
        var (exitCode, resolved, error) = await RunAsync(server, $"resolve {number} --niss 04051712397");
        var (_, listedAfter, _) = await RunAsync(server, "pending");
        var (_, read, _) = await RunAsync(server, $"get {number}");
        var (againExitCode, againOutput, againError) = await RunAsync(server, $"resolve {number} --niss 04051712397");

        Assert.StartsWith("Status:                   PENDING", declared, StringComparison.Ordinal);
        Assert.DoesNotContain("Period id:", declared, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, listExitCode);
        Assert.Equal([number], RowsIn(listed));
        Assert.Equal(
            [number, "IN", "PENDING", "-", "0403019261", "Peeters, An (born 2004-05-17)", "2030-02-01 to 2030-03-31, STG"],
            RowOf(listed, number)[..7]);
        Assert.EndsWith("\nShown:                    1 pending declaration, oldest first (last page)\n", listed, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith(
            $"""
            Status:                   ACCEPTED
            Declaration number:       {number}
            Period id:                {number}
            Identified NISS:          04051712397

            """,
            resolved,
            StringComparison.Ordinal);
        Assert.Equal("Shown:                    0 pending declarations, oldest first (last page)\n", listedAfter);
        Assert.Equal("04051712397", FieldIn(read, "Identified NISS"));
        Assert.Equal("Peeters, An (identified as NISS 04051712397)", FieldIn(read, "Worker"));
        Assert.Equal([number], await ListedAsync(server, $"list {Acme} --worker 04051712397"));
        Assert.Equal([number], RowsIn((await RunAsync(server, $"periods {Acme} --worker 04051712397")).Output));
        Assert.Equal(ExitCodes.RpcError, againExitCode);
        Assert.Equal("", againOutput);
        Assert.StartsWith("error: FailedPrecondition: ", againError, StringComparison.Ordinal);
        Assert.Contains("\n  reason: DECLARATION_NOT_PENDING\n", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_PagesOfOne_ListOldestFirstAcrossEmployersAndThePrintedNextPageCommandWorks()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        var first = NumberIn(await RunOkAsync(server, $"submit {Acme} --worker-type STG --start-date 2030-02-01 --end-date 2030-03-31 --employment-nature employee --intern-type F2 {Peeters}"));
        var second = NumberIn(await RunOkAsync(server, $"submit --enterprise-number 0765432146 --start-date 2030-02-01 {Peeters}"));

        var pages = await AllPagesAsync(server, "pending --page-size 1");
        var resolved = await RunOkAsync(server, $"resolve {first} --niss 93051822361");

        Assert.Equal(2, pages.Count);
        Assert.Equal([[first], [second]], pages.Select(RowsIn));
        Assert.Equal("0765432146", RowOf(pages[1], second)[4]);
        Assert.StartsWith("pending --page-size 1 --page-token ", NextPageIn(pages[0]), StringComparison.Ordinal);
        Assert.StartsWith("Status:                   ACCEPTED", resolved, StringComparison.Ordinal);
        Assert.Equal([second], RowsIn((await RunAsync(server, "pending")).Output));
    }

    /// <summary>The README's session for a newcomer, in its order, with nothing but the console.</summary>
    [Fact]
    public async Task Walkthrough_ANewcomersSession_WorksWithTheConsoleAlone()
    {
        await using var server = new DimonaServerFactory(clock: new SteppingClock());
        const string Employer = "--enterprise-number 0123456749";

        // An employer unknown to the service registers through the unsecured path, then ONSS confirms it.
        var (unknownExitCode, _, unknown) = await RunAsync(server, $"identify {Employer}");
        Assert.Equal(ExitCodes.RpcError, unknownExitCode);
        Assert.Contains("\n  reason: EMPLOYER_NOT_FOUND\n", unknown, StringComparison.Ordinal);
        var registered = await RunOkAsync(server, Register);
        Assert.Equal("provisional", FieldIn(registered, "Registration"));
        Assert.Equal("(none)", FieldIn(registered, "ONSS number"));
        var provisional = FieldIn(registered, "Provisional ONSS number");
        Assert.Equal($"ONSS confirms the registration: dimona confirm {provisional}", FieldIn(registered, "Next step"));
        var confirmed = await RunOkAsync(server, $"confirm {provisional}");
        Assert.Equal("definitive", FieldIn(confirmed, "Registration"));
        Assert.Matches("^[0-9]{9}$", FieldIn(confirmed, "ONSS number"));
        Assert.Equal(provisional, FieldIn(confirmed, "Provisional ONSS number"));

        // A student for a quarter, whose end date then moves to the quarter's end.
        var student = await RunOkAsync(server, $"submit {Employer} --niss 05031204244 --worker-type STU --planned-hours 120 --start-date 2030-01-07 --end-date 2030-02-28");
        var studentPeriod = FieldIn(student, "Period id");
        var moved = await RunOkAsync(server, $"update {studentPeriod} {Employer} --end-date 2030-03-29");
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (FieldIn(student, "Status"), FieldIn(moved, "Status")));
        Assert.Equal(studentPeriod, FieldIn(moved, "Period id"));

        // An open-ended period, closed with an OUT.
        var open = await RunOkAsync(server, $"submit {Employer} --niss 85031214540 --start-date 2030-02-01");
        var openPeriod = FieldIn(open, "Period id");
        var closed = await RunOkAsync(server, $"out {openPeriod} {Employer} --end-date 2030-06-30 --end-hour 1700");
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (FieldIn(open, "Status"), FieldIn(closed, "Status")));
        Assert.Equal(openPeriod, FieldIn(closed, "Period id"));

        // A period declared, then cancelled.
        var mistake = await RunOkAsync(server, $"submit {Employer} --niss 93051822361 --start-date 2030-03-01 --end-date 2030-03-31");
        var mistakePeriod = FieldIn(mistake, "Period id");
        var cancelled = await RunOkAsync(server, $"cancel {mistakePeriod} {Employer}");
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (FieldIn(mistake, "Status"), FieldIn(cancelled, "Status")));

        // Two flexi-job shifts on one day, within the 31 days before their quarter.
        const string Shift = $"submit {Employer} --niss 99070723138 --worker-type FLX --start-date 2026-12-05 --end-date 2026-12-05";
        var morning = await RunOkAsync(server, $"{Shift} --start-hour 0800 --end-hour 1200");
        var evening = await RunOkAsync(server, $"{Shift} --start-hour 1800 --end-hour 2200");
        Assert.Equal(("ACCEPTED", "ACCEPTED"), (FieldIn(morning, "Status"), FieldIn(evening, "Status")));
        Assert.NotEqual(FieldIn(morning, "Period id"), FieldIn(evening, "Period id"));

        // The personnel file: the INs, page by page, then the periods and one period's history.
        var pages = await AllPagesAsync(server, $"list {Employer} --kind IN --page-size 3");
        Assert.Equal(2, pages.Count);
        Assert.Equal(
            [NumberIn(evening), NumberIn(morning), NumberIn(mistake), NumberIn(open), NumberIn(student)],
            pages.SelectMany(RowsIn));
        var periods = await RunOkAsync(server, $"periods {Employer}");
        Assert.Equal([mistakePeriod, openPeriod, studentPeriod], RowsIn(periods)[..3]);
        Assert.Equal(new[] { FieldIn(morning, "Period id"), FieldIn(evening, "Period id") }.Order(), RowsIn(periods)[3..].Order());
        Assert.Equal([mistakePeriod, "cancelled", "93051822361", "OTH", "XXX", "2030-03-01", "2030-03-31", "-", "-"], RowOf(periods, mistakePeriod));
        Assert.Equal([studentPeriod, "closed", "05031204244", "STU", "XXX", "2030-01-07", "2030-03-29", "-", "120"], RowOf(periods, studentPeriod));
        Assert.Equal([openPeriod, "closed", "85031214540", "OTH", "XXX", "2030-02-01", "2030-06-30", "until 1700", "-"], RowOf(periods, openPeriod));
        var history = await RunOkAsync(server, $"period {openPeriod}");
        Assert.Equal("closed", FieldIn(history, "State"));
        Assert.Equal("2030-06-30", FieldIn(history, "End date"));
        Assert.Equal([openPeriod, NumberIn(closed)], RowsIn(history));

        // A worker declared without a NISS waits for an operator, who resolves it with the NISS found.
        var pending = await RunOkAsync(server, $"submit {Employer} --worker-type STU --planned-hours 40 --start-date 2030-07-01 --end-date 2030-07-31 {Peeters}");
        Assert.Equal("PENDING", FieldIn(pending, "Status"));
        Assert.Equal([NumberIn(pending)], RowsIn(await RunOkAsync(server, "pending")));
        var resolved = await RunOkAsync(server, $"resolve {NumberIn(pending)} --niss 04051712397");
        Assert.Equal("ACCEPTED", FieldIn(resolved, "Status"));
        Assert.Equal(NumberIn(pending), FieldIn(resolved, "Period id"));
        Assert.Equal("04051712397", FieldIn(resolved, "Identified NISS"));
        Assert.Empty(RowsIn(await RunOkAsync(server, "pending")));

        // A preview answers without storing anything.
        var before = await AllPagesAsync(server, $"list {Employer}");
        var preview = await RunOkAsync(server, $"{Shift} --start-hour 1300 --end-hour 1700 --validate-only");
        var previewAgain = await RunOkAsync(server, $"{Shift} --start-hour 1800 --end-hour 2200 --validate-only");
        Assert.StartsWith("Preview only:             nothing was stored", preview, StringComparison.Ordinal);
        Assert.Equal("ACCEPTED", FieldIn(preview, "Status"));
        Assert.DoesNotContain("Declaration number:", preview, StringComparison.Ordinal);
        Assert.Equal("REFUSED", FieldIn(previewAgain, "Status"));
        Assert.Contains($"90373-333  blocking  dimona_in  This period is already declared as period {FieldIn(evening, "Period id")}", previewAgain, StringComparison.Ordinal);
        Assert.Equal(before.SelectMany(RowsIn), (await AllPagesAsync(server, $"list {Employer}")).SelectMany(RowsIn));
    }

    /// <summary>The two flexi shifts, the OUT and UPDATE of one open period and the CANCEL of another.</summary>
    private static readonly string[] ChangesExampleStatuses = ["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"];

    private static string BatchResultsFile(string path) => path + ".results.csv";

    /// <summary>The declaration number a submit, out, update or cancel printed.</summary>
    private static string NumberIn(string output) => FieldIn(output, "Declaration number");

    /// <summary>The value printed on the line "Name:   value".</summary>
    private static string FieldIn(string output, string name) =>
        output.Split('\n').Single(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    /// <summary>The first column of each row of the tables printed: the declaration numbers or period ids, in order.</summary>
    private static List<string> RowsIn(string output) =>
        [.. output.Split('\n').Where(line => Regex.IsMatch(line, "^[0-9]{12}  ")).Select(line => line[..12])];

    /// <summary>The cells of the table row of one declaration or period (cells are two or more spaces apart).</summary>
    private static string[] RowOf(string output, string number) =>
        Regex.Split(output.Split('\n').Single(line => line.StartsWith(number + "  ", StringComparison.Ordinal)).TrimEnd(), "  +");

    /// <summary>The command a page's footer prints for the next page, as typed after <c>dimona</c>.</summary>
    private static string NextPageIn(string output)
    {
        var command = FieldIn(output, "Next page");
        Assert.StartsWith("dimona ", command, StringComparison.Ordinal);
        return command["dimona ".Length..];
    }

    /// <summary>Runs a command that must succeed and print nothing on stderr; answers what it printed.</summary>
    private static async Task<string> RunOkAsync(DimonaServerFactory server, string commandLine)
    {
        var (exitCode, output, error) = await RunAsync(server, commandLine);
        Assert.True(exitCode == ExitCodes.Success && error.Length == 0, $"dimona {commandLine}\nexit code {exitCode}\n{error}");
        return output;
    }

    /// <summary>The numbers a one-page list command shows.</summary>
    private static async Task<List<string>> ListedAsync(DimonaServerFactory server, string commandLine)
    {
        var output = await RunOkAsync(server, commandLine);
        Assert.Contains("(last page)", output, StringComparison.Ordinal);
        return RowsIn(output);
    }

    /// <summary>Every page of a list, running the next page command each page prints, as a user would paste it.</summary>
    private static async Task<List<string>> AllPagesAsync(DimonaServerFactory server, string commandLine)
    {
        List<string> pages = [await RunOkAsync(server, commandLine)];
        while (!pages[^1].Contains("(last page)", StringComparison.Ordinal))
        {
            Assert.True(pages.Count < 20, "more than 20 pages");
            pages.Add(await RunOkAsync(server, NextPageIn(pages[^1])));
        }

        return pages;
    }

    private static async Task<int> CountDeclarationsAsync(DimonaServerFactory server)
    {
        await using var db = server.CreateDbContext();
        return await db.Declarations.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The test server's clock, moving on a second each time it is read: each declaration is received after the one before.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long reads;

        public override DateTimeOffset GetUtcNow() => DimonaServerFactory.Now.AddSeconds(Interlocked.Increment(ref reads));
    }
}
