using Dimona.V1;

namespace Dimona.Console.Tests;

/// <summary>dimona out, update and cancel, and the preview and IN options of dimona submit, against a fake client.</summary>
public class ChangeCommandsTests
{
    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public ChangeCommandsTests() =>
        client.SubmitResponse = new SubmitDeclarationResponse
        {
            Declaration = new Declaration { Status = DeclarationStatus.Accepted, DeclarationNumber = "960403157476", PeriodId = "759375962669" },
        };

    [Fact]
    public async Task Out_PeriodAndEndDate_SendsADimonaOutAndPrintsItsResult()
    {
        client.SubmitResponse = new SubmitDeclarationResponse { Declaration = Samples.AcceptedOut() };

        var exitCode = await RunAsync(
            "out", "857416368505", "--enterprise-number", "0403019261", "--end-date", "2030-06-30", "--end-hour", "1700",
            "--request-id", "305c78b3-f7ec-49e1-86ee-5379def6bd27");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal("305c78b3-f7ec-49e1-86ee-5379def6bd27", request.RequestId);
        Assert.Equal(new DimonaOut { PeriodId = "857416368505", EndDate = "2030-06-30", EndHour = "1700" }, request.DimonaOut);
        Assert.Null(request.Worker);
        Assert.False(request.ValidateOnly);
        Assert.StartsWith(
            """
            Status:                   ACCEPTED
            Declaration number:       125642118166
            Period id:                857416368505

            """,
            output.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Out_NoEndDate_IsAUsageErrorAndSendsNothing()
    {
        var exitCode = await RunAsync("out", "857416368505", "--enterprise-number", "0403019261");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Equal("error: --end-date is required for a Dimona OUT (YYYY-MM-DD)\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Out_NoPeriodId_IsAUsageError()
    {
        var exitCode = await RunAsync("out", "--enterprise-number", "0403019261", "--end-date", "2030-06-30");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains("Run 'dimona out --help' for usage.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NewEndDateAndNiss_SendsADimonaUpdateOfOnlyThatWithTheWorker()
    {
        var exitCode = await RunAsync(
            "update", "759375962669", "--enterprise-number", "0403019261", "--end-date", "2030-04-30", "--niss", "85031214540");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal(new DimonaUpdate { PeriodId = "759375962669", EndDate = "2030-04-30" }, request.DimonaUpdate);
        Assert.Equal("85031214540", request.Worker.Niss);
    }

    [Fact]
    public async Task Update_ReOpenAndPlannedHours_SendsTheReOpeningEndDateAndTheHours()
    {
        await RunAsync("update", "759375962669", "--onss-number", "175110801", "--end-date", "9999-12-31", "--planned-hours", "24");

        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal("175110801", request.Employer.OnssNumber);
        Assert.Equal("9999-12-31", request.DimonaUpdate.EndDate);
        Assert.Equal(24, request.DimonaUpdate.PlannedHours);
    }

    [Fact]
    public async Task Cancel_Period_SendsADimonaCancelAndPrintsTheRefusal()
    {
        client.SubmitResponse = new SubmitDeclarationResponse { Declaration = Samples.RefusedCancel() };

        var exitCode = await RunAsync("cancel", "759375962669", "--enterprise-number", "0403019261", "--reference", "oops");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal("759375962669", request.DimonaCancel.PeriodId);
        Assert.Equal("oops", request.Reference);
        Assert.Contains("Status:                   REFUSED", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("00913-355  blocking  dimona_cancel.period_id", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_NoEmployer_IsAUsageError()
    {
        var exitCode = await RunAsync("cancel", "759375962669");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith("error: the employer is required", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancel 759375962669 --enterprise-number 0403019261 --validate-only")]
    [InlineData("out 759375962669 --enterprise-number 0403019261 --end-date 2030-06-30 --validate-only")]
    [InlineData("update 759375962669 --enterprise-number 0403019261 --end-date 2030-06-30 --validate-only")]
    [InlineData("submit --enterprise-number 0403019261 --niss 93051822361 --start-date 2030-02-01 --validate-only")]
    public async Task ValidateOnly_SendsAPreviewAndPrintsThatNothingWasStored(string commandLine)
    {
        client.SubmitResponse = new SubmitDeclarationResponse
        {
            Declaration = new Declaration { ValidateOnly = true, Status = DeclarationStatus.Accepted },
        };

        var exitCode = await RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.True(Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests)).ValidateOnly);
        Assert.StartsWith("Preview only:             nothing was stored", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Declaration number", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FileWithValidateOnly_SendsTheFileAsAPreview()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "stg.json");

        var exitCode = await RunAsync("submit", "--file", path, "--validate-only");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.True(request.ValidateOnly);
        Assert.Equal("stage-2030", request.Reference);
    }

    [Fact]
    public async Task Submit_WithoutValidateOnly_IsNotAPreview()
    {
        await RunAsync("submit", "--enterprise-number", "0403019261", "--niss", "93051822361", "--start-date", "2030-02-01");

        Assert.False(Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests)).ValidateOnly);
    }

    [Fact]
    public async Task Submit_StudentAwayFromTheHeadOffice_SendsThePlaceOfWork()
    {
        await RunAsync(
            "submit", "--enterprise-number", "0403019261", "--niss", "93051822361", "--worker-type", "STU", "--planned-hours", "40",
            "--start-date", "2030-07-01", "--end-date", "2030-07-31", "--place-of-work-name", "Winkel Meir", "--place-of-work-street", "Meir",
            "--place-of-work-house-number", "1", "--place-of-work-post-code", "2000", "--place-of-work-municipality", "Antwerpen",
            "--place-of-work-country", "BE");

        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal(
            new PlaceOfWork
            {
                Name = "Winkel Meir",
                Address = new Address { Street = "Meir", HouseNumber = "1", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            },
            request.DimonaIn.StudentPlaceOfWork);
        Assert.Null(request.DimonaIn.UserCompany);
    }

    [Fact]
    public async Task Submit_AgencyWorkerInConstruction_SendsTheUserCompanyAndControlCards()
    {
        await RunAsync(
            "submit", "--enterprise-number", "0403019261", "--niss", "93051822361", "--joint-committee", "322", "--worker-type", "BCW",
            "--start-date", "2030-07-20", "--end-date", "2030-08-10", "--user-company-name", "Bouw NV", "--user-company-street", "Kaai",
            "--user-company-house-number", "7", "--user-company-post-code", "9000", "--user-company-municipality", "Gent",
            "--user-company-country", "BE", "--first-month-c32a-number", "123456789012", "--next-month-c32a-number", "123456789013");

        var dimonaIn = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests)).DimonaIn;
        Assert.Equal("Bouw NV", dimonaIn.UserCompany.Name);
        Assert.Equal("", dimonaIn.UserCompany.EnterpriseNumber);
        Assert.Equal("Gent", dimonaIn.UserCompany.Address.Municipality);
        Assert.Equal("123456789012", dimonaIn.FirstMonthC32ANumber);
        Assert.Equal("123456789013", dimonaIn.NextMonthC32ANumber);
        Assert.Null(dimonaIn.StudentPlaceOfWork);
    }

    [Fact]
    public async Task Submit_TwoFlexiShiftsOnOneDay_SendsTwoInsDifferingOnlyInTheirHours()
    {
        const string Shift = "submit --enterprise-number 0403019261 --niss 99070723138 --worker-type FLX --start-date 2030-05-02 --end-date 2030-05-02";

        await RunAsync($"{Shift} --start-hour 0800 --end-hour 1200".Split(' '));
        await RunAsync($"{Shift} --start-hour 1800 --end-hour 2200".Split(' '));

        var shifts = client.Requests.Cast<SubmitDeclarationRequest>().Select(request => request.DimonaIn).ToList();
        Assert.Equal(["0800-1200", "1800-2200"], shifts.Select(shift => $"{shift.StartHour}-{shift.EndHour}"));
        Assert.All(shifts, shift => Assert.Equal(("2030-05-02", "2030-05-02", WorkerType.Flx), (shift.StartDate, shift.EndDate, shift.WorkerType)));
        Assert.NotEqual(((SubmitDeclarationRequest)client.Requests[0]).RequestId, ((SubmitDeclarationRequest)client.Requests[1]).RequestId);
    }

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
