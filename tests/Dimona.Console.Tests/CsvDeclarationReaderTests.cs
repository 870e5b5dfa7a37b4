using Dimona.Console.Batch;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class CsvDeclarationReaderTests
{
    private static List<BatchLine> Read(string csv) => [.. CsvDeclarationReader.Read(new StringReader(csv), "batch.csv")];

    [Fact]
    public void Read_ColumnsInAnyOrder_BuildTheSameDeclarationAsSubmitOptions()
    {
        var lines = Read(
            "end_date,Worker_Type,niss,start_date,enterprise_number,employment_nature,intern_type,activity_risk,reference\n"
            + "2030-03-31,STG,93051822361,2030-02-01,0403019261,employee,F1,401,\"stage, 2030\"\n");

        var line = Assert.Single(lines);
        Assert.Equal(2, line.Number);
        var request = Assert.IsType<SubmitDeclarationRequest>(line.Request);
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal("2030-02-01", request.DimonaIn.StartDate);
        Assert.Equal("2030-03-31", request.DimonaIn.EndDate);
        Assert.Equal(WorkerType.Stg, request.DimonaIn.WorkerType);
        Assert.Equal("XXX", request.DimonaIn.JointCommittee);
        Assert.Equal(EmploymentNature.Employee, request.DimonaIn.SmallStatutes.EmploymentNature);
        Assert.Equal(InternType.F1, request.DimonaIn.SmallStatutes.InternType);
        Assert.Equal("401", request.DimonaIn.SmallStatutes.ActivityWithRisk);
        Assert.Equal("stage, 2030", request.Reference);
    }

    [Fact]
    public void Read_WorkerWithoutNiss_BuildsTheIdentificationAndLeavesEmptyColumnsOut()
    {
        var lines = Read(
            "enterprise_number,niss,family_name,given_name,birth_date,birth_place,birth_country,sex,nationality,street,house_number,box,post_code,municipality,country,start_date,planned_hours,worker_type,end_date\n"
            + "0403019261,,Peeters,An,2004-05-17,Gent,BE,female,BE,Veldstraat,12,,9000,Gent,BE,2030-02-01,20,STU,2030-02-28\n");

        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(lines).Request);
        Assert.Equal(Worker.IdentityOneofCase.Identification, request.Worker.IdentityCase);
        Assert.Equal("Peeters", request.Worker.Identification.FamilyName);
        Assert.Equal(Sex.Female, request.Worker.Identification.Sex);
        Assert.Equal("", request.Worker.Identification.Address.Box);
        Assert.Equal("9000", request.Worker.Identification.Address.PostCode);
        Assert.Equal(20, request.DimonaIn.PlannedHours);
    }

    [Fact]
    public void Read_RequestIdColumn_IsKeptAndAnEmptyOneIsDerivedFromTheLine()
    {
        const string header = "request_id,enterprise_number,niss,start_date\n";
        const string derivedLine = ",0403019261,01041512387,2030-02-01";
        var lines = Read(header + "0f8fad5b-d9cb-469f-a165-70867728950e,0403019261,93051822361,2030-02-01\n" + derivedLine + "\n");

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", lines[0].Request!.RequestId);
        Assert.Equal(BatchRequestId.For(3, derivedLine), lines[1].Request!.RequestId);
        Assert.Equal(lines[1].Request!.RequestId, lines[1].RequestId);
    }

    [Fact]
    public void Read_UnknownColumn_IsAUsageErrorNamingIt()
    {
        var exception = Assert.Throws<UsageException>(() => Read("enterprise_number,nis,start_date\n0403019261,93051822361,2030-02-01\n"));

        Assert.StartsWith("batch.csv: unknown column 'nis' in the header; the columns are request_id, enterprise_number,", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n0403019261\n")]
    public void Read_NoHeader_IsAUsageError(string csv)
    {
        var exception = Assert.Throws<UsageException>(() => Read(csv));

        Assert.StartsWith("batch.csv: the first line must name the columns", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ColumnTwice_IsAUsageError()
    {
        Assert.Throws<UsageException>(() => Read("niss,start_date,NISS\n"));
    }

    [Theory]
    [InlineData("0403019261,93051822361,,OTH", "start_date is required (YYYY-MM-DD)")]
    [InlineData(",93051822361,2030-02-01,OTH", "the employer is required: give one of enterprise_number, onss_number or provisional_onss_number")]
    [InlineData("0403019261,,2030-02-01,OTH", "the worker is required: give niss, or for a worker without a NISS family_name,")]
    [InlineData("0403019261,93051822361,2030-02-01,ABC", "worker_type: unknown code; valid codes: OTH, STU,")]
    [InlineData("0403019261,93051822361,2030-02-01", "3 fields where the header names 4")]
    [InlineData("0403019261,\"93051822361\"x,2030-02-01,OTH", "not valid CSV: field 2 has a quote")]
    public void Read_LineThatMakesNoDeclaration_IsInvalidWithTheReasonInColumnWords(string line, string problem)
    {
        var lines = Read("enterprise_number,niss,start_date,worker_type\n" + line + "\n0403019261,93051822361,2030-02-01,OTH\n");

        Assert.Equal(2, lines.Count);
        Assert.Null(lines[0].Request);
        Assert.StartsWith(problem, lines[0].Problem, StringComparison.Ordinal);
        Assert.Equal(BatchRequestId.For(2, line), lines[0].RequestId);
        Assert.NotNull(lines[1].Request);
    }

    [Fact]
    public void Read_PlannedHoursNotANumber_IsInvalid()
    {
        var line = Assert.Single(Read("enterprise_number,niss,start_date,planned_hours\n0403019261,93051822361,2030-02-01,many\n"));

        Assert.Equal("planned_hours: not a whole number of hours", line.Problem);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedAndLineNumbersStayThoseOfTheFile()
    {
        var lines = Read("enterprise_number,niss,start_date\n\n0403019261,93051822361,2030-02-01\n\n");

        Assert.Equal(3, Assert.Single(lines).Number);
    }
}
