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

    [Fact]
    public void Read_KindColumn_BuildsEachKindAndAnEmptyKindIsAnIn()
    {
        var lines = Read(
            "kind,period_id,enterprise_number,niss,start_date,end_date,end_hour,planned_hours\n"
            + ",,0403019261,93051822361,2030-02-01,,,\n"
            + "OUT,857416368505,0403019261,,,2030-06-30,1700,\n"
            + "update,759375962669,0403019261,85031214540,,9999-12-31,,24\n"
            + "Cancel,759375962669,0403019261,,,,,\n");

        Assert.Equal(
            [
                SubmitDeclarationRequest.ContentOneofCase.DimonaIn,
                SubmitDeclarationRequest.ContentOneofCase.DimonaOut,
                SubmitDeclarationRequest.ContentOneofCase.DimonaUpdate,
                SubmitDeclarationRequest.ContentOneofCase.DimonaCancel,
            ],
            lines.Select(line => line.Request!.ContentCase));
        Assert.Equal("2030-02-01", lines[0].Request!.DimonaIn.StartDate);
        Assert.Equal(new DimonaOut { PeriodId = "857416368505", EndDate = "2030-06-30", EndHour = "1700" }, lines[1].Request!.DimonaOut);
        Assert.Null(lines[1].Request!.Worker);
        Assert.Equal(new DimonaUpdate { PeriodId = "759375962669", EndDate = "9999-12-31", PlannedHours = 24 }, lines[2].Request!.DimonaUpdate);
        Assert.Equal("85031214540", lines[2].Request!.Worker.Niss);
        Assert.Equal("759375962669", lines[3].Request!.DimonaCancel.PeriodId);
        Assert.All(lines, line => Assert.Equal("0403019261", line.Request!.Employer.EnterpriseNumber));
    }

    [Theory]
    [InlineData("CLOSE,857416368505,2030-06-30,", "kind: unknown code; valid codes: IN, OUT, UPDATE, CANCEL")]
    [InlineData("OUT,,2030-06-30,", "a period id is required for a Dimona OUT")]
    [InlineData("OUT,857416368505,,", "end_date is required for a Dimona OUT (YYYY-MM-DD)")]
    [InlineData("CANCEL,857416368505,2030-06-30,", "end_date is not used by a Dimona CANCEL")]
    [InlineData("OUT,857416368505,2030-06-30,STU", "worker_type is not used by a Dimona OUT")]
    [InlineData("IN,857416368505,2030-06-30,", "period_id is not used by a Dimona IN (")]
    public void Read_LineOfTheWrongShapeForItsKind_IsInvalidWithTheReasonInColumnWords(string line, string problem)
    {
        var lines = Read("kind,period_id,end_date,worker_type,enterprise_number\n" + line + ",0403019261\n");

        Assert.Null(Assert.Single(lines).Request);
        Assert.StartsWith(problem, lines[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PlaceOfWorkUserCompanyAndCardColumns_FillTheIn()
    {
        var lines = Read(
            "enterprise_number,niss,start_date,end_date,worker_type,joint_committee,place_of_work_name,place_of_work_street,place_of_work_house_number,"
            + "place_of_work_box,place_of_work_post_code,place_of_work_municipality,place_of_work_country,user_company_enterprise_number,"
            + "user_company_name,user_company_street,user_company_house_number,user_company_box,user_company_post_code,user_company_municipality,"
            + "user_company_country,first_month_c32a_number,next_month_c32a_number\n"
            + "0403019261,93051822361,2030-07-01,2030-07-31,STU,XXX,Winkel Meir,Meir,1,2,2000,Antwerpen,BE,,,,,,,,,,\n"
            + "0403019261,01041512387,2030-07-20,2030-08-10,BCW,322,,,,,,,,,Bouw NV,Kaai,7,,9000,Gent,BE,123456789012,123456789013\n");

        var student = lines[0].Request!.DimonaIn;
        Assert.Equal("Winkel Meir", student.StudentPlaceOfWork.Name);
        Assert.Equal(
            new Address { Street = "Meir", HouseNumber = "1", Box = "2", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            student.StudentPlaceOfWork.Address);
        Assert.Null(student.UserCompany);
        var agencyWorker = lines[1].Request!.DimonaIn;
        Assert.Null(agencyWorker.StudentPlaceOfWork);
        Assert.Equal("Bouw NV", agencyWorker.UserCompany.Name);
        Assert.Equal("Gent", agencyWorker.UserCompany.Address.Municipality);
        Assert.Equal("123456789012", agencyWorker.FirstMonthC32ANumber);
        Assert.Equal("123456789013", agencyWorker.NextMonthC32ANumber);
    }

    [Fact]
    public void Read_CardColumnOnAnOut_IsInvalidNamingTheColumn()
    {
        var line = Assert.Single(Read("kind,period_id,enterprise_number,end_date,first_month_c32a_number\nOUT,857416368505,0403019261,2030-06-30,123456789012\n"));

        Assert.Equal("first_month_c32a_number is not used by a Dimona OUT", line.Problem);
    }
}
