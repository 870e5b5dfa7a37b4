using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class SubmitRequestBuilderTests
{
    private static readonly SubmitInput Minimal = new()
    {
        Employer = new EmployerInput(EnterpriseNumber: "0403019261"),
        Worker = new WorkerInput { Niss = "93051822361" },
        StartDate = "2027-02-01",
    };

    [Theory]
    [InlineData("STG", WorkerType.Stg)]
    [InlineData("stg", WorkerType.Stg)]
    [InlineData("Ivt", WorkerType.Ivt)]
    [InlineData("TRI", WorkerType.Tri)]
    [InlineData("oth", WorkerType.Oth)]
    [InlineData("STU", WorkerType.Stu)]
    [InlineData("o17", WorkerType.O17)]
    [InlineData("WORKER_TYPE_FLX", WorkerType.Flx)]
    public void Build_WorkerTypeCode_MapsToWorkerTypeIgnoringCase(string code, WorkerType expected)
    {
        var request = SubmitRequestBuilder.Build(Minimal with { WorkerType = code });

        Assert.Equal(expected, request.DimonaIn.WorkerType);
    }

    [Fact]
    public void Build_UnknownWorkerType_ThrowsUsageListingValidCodes()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { WorkerType = "XYZ" }));

        Assert.Contains("--worker-type", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'XYZ'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("OTH, STU, FLX, EXT, DWD, IVT, TRI, STG", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSPECIFIED", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoWorkerType_LeavesItUnspecified()
    {
        var request = SubmitRequestBuilder.Build(Minimal);

        Assert.Equal(WorkerType.Unspecified, request.DimonaIn.WorkerType);
    }

    [Fact]
    public void Build_AllOptions_FillsEveryField()
    {
        var input = Minimal with
        {
            RequestId = "0f8fad5b-d9cb-469f-a165-70867728950e",
            EndDate = "2027-02-28",
            StartHour = "0800",
            EndHour = "1700",
            JointCommittee = "302",
            WorkerType = "STU",
            PlannedHours = 40,
            Reference = "ref-1",
        };

        var request = SubmitRequestBuilder.Build(input);

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", request.RequestId);
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal("ref-1", request.Reference);
        Assert.Equal(SubmitDeclarationRequest.ContentOneofCase.DimonaIn, request.ContentCase);
        Assert.Equal("2027-02-01", request.DimonaIn.StartDate);
        Assert.Equal("2027-02-28", request.DimonaIn.EndDate);
        Assert.Equal("0800", request.DimonaIn.StartHour);
        Assert.Equal("1700", request.DimonaIn.EndHour);
        Assert.Equal("302", request.DimonaIn.JointCommittee);
        Assert.Equal(WorkerType.Stu, request.DimonaIn.WorkerType);
        Assert.True(request.DimonaIn.HasPlannedHours);
        Assert.Equal(40, request.DimonaIn.PlannedHours);
        Assert.Null(request.DimonaIn.SmallStatutes);
    }

    [Fact]
    public void Build_NoJointCommitteeNorPlannedHours_UsesXxxAndLeavesHoursAbsent()
    {
        var request = SubmitRequestBuilder.Build(Minimal);

        Assert.Equal("XXX", request.DimonaIn.JointCommittee);
        Assert.False(request.DimonaIn.HasPlannedHours);
        Assert.Equal(string.Empty, request.DimonaIn.EndDate);
        Assert.Equal(string.Empty, request.Reference);
    }

    [Fact]
    public void Build_NoRequestId_GeneratesANewUuidEachTime()
    {
        var first = SubmitRequestBuilder.Build(Minimal);
        var second = SubmitRequestBuilder.Build(Minimal);

        Assert.True(Guid.TryParse(first.RequestId, out _));
        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    [Fact]
    public void Build_NoSmallStatutesOption_CreatesNoBlock()
    {
        var request = SubmitRequestBuilder.Build(Minimal with { WorkerType = "STG" });

        Assert.Null(request.DimonaIn.SmallStatutes);
    }

    [Fact]
    public void Build_AllSmallStatutesOptions_CreatesTheBlock()
    {
        var input = Minimal with { WorkerType = "STG", EmploymentNature = "employee", ActivityRisk = "401", InternType = "f1" };

        var request = SubmitRequestBuilder.Build(input);

        Assert.NotNull(request.DimonaIn.SmallStatutes);
        Assert.Equal(EmploymentNature.Employee, request.DimonaIn.SmallStatutes.EmploymentNature);
        Assert.Equal("401", request.DimonaIn.SmallStatutes.ActivityWithRisk);
        Assert.Equal(InternType.F1, request.DimonaIn.SmallStatutes.InternType);
    }

    [Theory]
    [InlineData("worker", null, null)]
    [InlineData(null, "002", null)]
    [InlineData(null, null, "F2")]
    public void Build_AnyOneSmallStatutesOption_CreatesTheBlockWithTheRestUnset(string? nature, string? risk, string? internType)
    {
        var input = Minimal with { EmploymentNature = nature, ActivityRisk = risk, InternType = internType };

        var smallStatutes = SubmitRequestBuilder.Build(input).DimonaIn.SmallStatutes;

        Assert.NotNull(smallStatutes);
        Assert.Equal(nature is null ? EmploymentNature.Unspecified : EmploymentNature.Worker, smallStatutes.EmploymentNature);
        Assert.Equal(risk ?? string.Empty, smallStatutes.ActivityWithRisk);
        Assert.Equal(internType is null ? InternType.Unspecified : InternType.F2, smallStatutes.InternType);
    }

    [Theory]
    [InlineData("manager", null, "--employment-nature", "EMPLOYEE, WORKER")]
    [InlineData(null, "F3", "--intern-type", "F1, F2")]
    public void Build_UnknownSmallStatutesCode_ThrowsUsageNamingTheOption(string? nature, string? internType, string option, string validCodes)
    {
        var input = Minimal with { EmploymentNature = nature, InternType = internType };

        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(input));

        Assert.StartsWith(option, exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(validCodes, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoStartDate_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { StartDate = null }));

        Assert.Contains("--start-date", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEmployer_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { Employer = new EmployerInput() }));

        Assert.Contains("employer is required", exception.Message, StringComparison.Ordinal);
    }
}
