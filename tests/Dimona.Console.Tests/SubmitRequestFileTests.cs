using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class SubmitRequestFileTests
{
    [Fact]
    public void Parse_Proto3Json_ReadsEveryField()
    {
        const string json = """
            {
              "requestId": "0f8fad5b-d9cb-469f-a165-70867728950e",
              "employer": { "onssNumber": "175110801" },
              "worker": { "niss": "93051822361" },
              "reference": "r1",
              "dimonaIn": {
                "startDate": "2027-02-01",
                "endDate": "2027-02-28",
                "jointCommittee": "XXX",
                "workerType": "WORKER_TYPE_STU",
                "plannedHours": 40
              }
            }
            """;

        var request = SubmitRequestFile.Parse(json, "test.json");

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", request.RequestId);
        Assert.Equal("175110801", request.Employer.OnssNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal("r1", request.Reference);
        Assert.Equal("2027-02-01", request.DimonaIn.StartDate);
        Assert.Equal("2027-02-28", request.DimonaIn.EndDate);
        Assert.Equal(WorkerType.Stu, request.DimonaIn.WorkerType);
        Assert.Equal(40, request.DimonaIn.PlannedHours);
        Assert.Null(request.DimonaIn.SmallStatutes);
    }

    [Fact]
    public void Parse_ProtoFieldNames_AreAcceptedToo()
    {
        const string json = """{ "request_id": "abc", "dimona_in": { "start_date": "2027-02-01", "worker_type": "WORKER_TYPE_OTH" } }""";

        var request = SubmitRequestFile.Parse(json, "test.json");

        Assert.Equal("abc", request.RequestId);
        Assert.Equal("2027-02-01", request.DimonaIn.StartDate);
        Assert.Equal(WorkerType.Oth, request.DimonaIn.WorkerType);
    }

    [Fact]
    public void Parse_NoRequestId_FillsANewUuid()
    {
        var request = SubmitRequestFile.Parse("""{ "dimonaIn": { "startDate": "2027-02-01" } }""", "test.json");

        Assert.True(Guid.TryParse(request.RequestId, out _));
    }

    [Theory]
    [InlineData("""{ "dimonaIn": { "startDate": "2027-02-01" """)]
    [InlineData("""{ "unknownField": 1 }""")]
    [InlineData("""{ "dimonaIn": { "workerType": "WORKER_TYPE_NOPE" } }""")]
    public void Parse_InvalidJson_ThrowsUsageNamingTheSource(string json)
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestFile.Parse(json, "broken.json"));

        Assert.StartsWith("broken.json is not a valid SubmitDeclarationRequest", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsUsage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}.json");

        var exception = Assert.Throws<UsageException>(() => SubmitRequestFile.Load(path));

        Assert.StartsWith($"cannot read {path}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StgExample_IsAWellFormedStgIn()
    {
        var request = SubmitRequestFile.Load(Path.Combine(AppContext.BaseDirectory, "examples", "stg.json"));

        Assert.True(Guid.TryParse(request.RequestId, out _));
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal("stage-2030", request.Reference);
        Assert.Equal("2030-02-01", request.DimonaIn.StartDate);
        Assert.Equal("2030-03-31", request.DimonaIn.EndDate);
        Assert.Equal("XXX", request.DimonaIn.JointCommittee);
        Assert.Equal(WorkerType.Stg, request.DimonaIn.WorkerType);
        Assert.False(request.DimonaIn.HasPlannedHours);
        Assert.Equal(
            new SmallStatutes { EmploymentNature = EmploymentNature.Employee, ActivityWithRisk = "401", InternType = InternType.F1 },
            request.DimonaIn.SmallStatutes);
    }
}
