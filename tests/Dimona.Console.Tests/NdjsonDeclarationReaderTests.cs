using Dimona.Console.Batch;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class NdjsonDeclarationReaderTests
{
    private const string Stg =
        """{"employer":{"enterpriseNumber":"0403019261"},"worker":{"niss":"93051822361"},"dimonaIn":{"startDate":"2030-02-01","endDate":"2030-03-31","workerType":"WORKER_TYPE_STG"}}""";

    private static List<BatchLine> Read(string ndjson) => [.. NdjsonDeclarationReader.Read(new StringReader(ndjson))];

    [Fact]
    public void Read_OneRequestPerLine_ParsesEachWithItsLineNumberAndSkipsBlankLines()
    {
        var lines = Read($"{Stg}\n\n{Stg.Replace("93051822361", "01041512387", StringComparison.Ordinal)}\n");

        Assert.Equal([1, 3], lines.Select(line => line.Number));
        Assert.Equal(WorkerType.Stg, lines[0].Request!.DimonaIn.WorkerType);
        Assert.Equal("01041512387", lines[1].Request!.Worker.Niss);
    }

    [Fact]
    public void Read_RequestIdGiven_IsKept()
    {
        var line = Assert.Single(Read(Stg.Replace("{\"employer\"", "{\"requestId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"employer\"", StringComparison.Ordinal)));

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", line.Request!.RequestId);
    }

    [Fact]
    public void Read_NoRequestId_DerivesItFromLineNumberAndText()
    {
        var lines = Read($"{Stg}\n{Stg}\n");

        Assert.Equal(BatchRequestId.For(1, Stg), lines[0].Request!.RequestId);
        Assert.Equal(BatchRequestId.For(2, Stg), lines[1].Request!.RequestId);
    }

    [Theory]
    [InlineData("{\"employer\":")]
    [InlineData("{\"employer\":{\"enterpriseNumber\":\"0403019261\"},\"nis\":\"93051822361\"}")]
    [InlineData("{\"dimonaIn\":{\"plannedHours\":93051822361}}")]
    [InlineData("{\"dimonaIn\":{\"workerType\":\"PEETERS\"}}")]
    public void Read_LineThatIsNotARequest_IsInvalidAndTheNextLinesAreStillRead(string bad)
    {
        var lines = Read($"{bad}\n{Stg}\n");

        Assert.Null(lines[0].Request);
        Assert.Equal("not a SubmitDeclarationRequest in proto3 JSON", lines[0].Problem);
        Assert.DoesNotContain("93051822361", lines[0].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("PEETERS", lines[0].Problem, StringComparison.Ordinal);
        Assert.NotNull(lines[1].Request);
    }

    [Fact]
    public void Read_OutUpdateAndCancelLines_AreReadAsTheirKindWithoutDefaults()
    {
        var lines = Read(
            """
            {"employer":{"enterpriseNumber":"0403019261"},"dimonaOut":{"periodId":"857416368505","endDate":"2030-06-30","endHour":"1700"}}
            {"employer":{"enterpriseNumber":"0403019261"},"worker":{"niss":"85031214540"},"dimonaUpdate":{"periodId":"759375962669","endDate":"9999-12-31","plannedHours":24}}
            {"employer":{"enterpriseNumber":"0403019261"},"reference":"oops","dimonaCancel":{"periodId":"759375962669"}}
            """);

        Assert.Equal(new DimonaOut { PeriodId = "857416368505", EndDate = "2030-06-30", EndHour = "1700" }, lines[0].Request!.DimonaOut);
        Assert.Null(lines[0].Request!.Worker);
        Assert.Equal(new DimonaUpdate { PeriodId = "759375962669", EndDate = "9999-12-31", PlannedHours = 24 }, lines[1].Request!.DimonaUpdate);
        Assert.Equal("85031214540", lines[1].Request!.Worker.Niss);
        Assert.Equal("759375962669", lines[2].Request!.DimonaCancel.PeriodId);
        Assert.Equal("oops", lines[2].Request!.Reference);
    }

    [Fact]
    public void Read_InWithTheNewFields_KeepsThem()
    {
        var line = Assert.Single(Read(
            """{"employer":{"enterpriseNumber":"0403019261"},"worker":{"niss":"93051822361"},"dimonaIn":{"startDate":"2030-07-01","endDate":"2030-07-31","jointCommittee":"322","userCompany":{"enterpriseNumber":"0123456749"},"firstMonthC32aNumber":"123456789012","studentPlaceOfWork":{"name":"Winkel Meir"}}}"""));

        Assert.Equal("0123456749", line.Request!.DimonaIn.UserCompany.EnterpriseNumber);
        Assert.Equal("123456789012", line.Request!.DimonaIn.FirstMonthC32ANumber);
        Assert.Equal("Winkel Meir", line.Request!.DimonaIn.StudentPlaceOfWork.Name);
    }
}
