using Dimona.Grpc.Domain.Identifiers;
using Dimona.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

public class SubmitDeclarationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Declaration> SubmitAsync(DimonaServerFactory server, SubmitDeclarationRequest request) =>
        (await server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    private static Task<Google.Rpc.Status> SubmitFailsAsync(DimonaServerFactory server, SubmitDeclarationRequest request, StatusCode code) =>
        RpcAssert.FailsAsync(code, () => server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct).ResponseAsync);

    private static IEnumerable<string> Codes(Declaration d) => d.Anomalies.Select(a => a.Code);

    /// <summary>The text of the one field violation naming <paramref name="field"/>.</summary>
    private static string Violation(Google.Rpc.Status status, string field) =>
        Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations, f => f.Field == field).Description;

    [Fact]
    public async Task Submit_WellFormedStg_IsAcceptedWithAPeriod()
    {
        await using var server = new DimonaServerFactory();
        var declaration = await SubmitAsync(server, Requests.Stg());

        Assert.Equal(DeclarationStatus.Accepted, declaration.Status);
        Assert.Empty(declaration.Anomalies);
        Assert.True(DeclarationNumber.TryParse(declaration.DeclarationNumber, out _, out _));
        Assert.Equal(declaration.DeclarationNumber, declaration.PeriodId);
        Assert.Equal(DimonaServerFactory.Now, declaration.ReceiveTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task Submit_StgStartingBefore2020_IsRefusedWith00910008()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.StartDate = "2019-12-31";
        request.DimonaIn.EndDate = "2020-01-31";

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.Refused, declaration.Status);
        var anomaly = Assert.Single(declaration.Anomalies, a => a.Code == "00910-008");
        Assert.Equal(Severity.Blocking, anomaly.Severity);
        Assert.Equal("dimona_in.start_date", anomaly.Field);
        Assert.Equal("", declaration.PeriodId);
    }

    [Fact]
    public async Task Submit_StgWithoutEndDate_IsRefusedWith00911001()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.EndDate = "";

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.Refused, declaration.Status);
        Assert.Contains("00911-001", Codes(declaration));
    }

    [Fact]
    public async Task Submit_StgFromProvisionalOnlyEmployer_IsRefusedWith90256151()
    {
        await using var server = new DimonaServerFactory();
        var declaration = await SubmitAsync(server, Requests.Stg(Requests.ProvisionalEmployer));

        Assert.Equal(DeclarationStatus.Refused, declaration.Status);
        Assert.Contains("90256-151", Codes(declaration));
    }

    [Fact]
    public async Task Submit_IvtWorkerWithEmployeeRisk_IsRefusedWith00041521()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.WorkerType = WorkerType.Ivt;
        request.DimonaIn.SmallStatutes.EmploymentNature = EmploymentNature.Worker;
        request.DimonaIn.SmallStatutes.ActivityWithRisk = "401";

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.Refused, declaration.Status);
        Assert.Equal(["00041-521"], Codes(declaration));
        Assert.Equal("dimona_in.small_statutes.activity_with_risk", declaration.Anomalies[0].Field);
    }

    [Fact]
    public async Task Submit_InactiveEmployer_IsRefusedWith90373343()
    {
        await using var server = new DimonaServerFactory();
        var declaration = await SubmitAsync(server, Requests.Stg(Requests.InactiveEmployer));

        Assert.Equal(DeclarationStatus.Refused, declaration.Status);
        Assert.Contains("90373-343", Codes(declaration));
    }

    [Fact]
    public async Task Submit_SeveralBrokenRules_ListsEveryAnomaly()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.EndDate = "";
        request.DimonaIn.JointCommittee = "";
        request.DimonaIn.PlannedHours = 20;

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(["00046-001", "00911-001", "01135-005"], Codes(declaration).Order());
    }

    [Fact]
    public async Task Submit_WorkerWithoutNiss_IsPendingWithoutPeriod()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker = new Worker { Identification = Requests.Identification() };

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.Pending, declaration.Status);
        Assert.Equal("", declaration.PeriodId);
        Assert.Empty(declaration.Anomalies);
    }

    [Fact]
    public async Task Submit_LateDeclaration_IsAcceptedWithWarning90373460()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.StartDate = "2026-11-20";
        request.DimonaIn.EndDate = "2026-12-20";

        var declaration = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, declaration.Status);
        var anomaly = Assert.Single(declaration.Anomalies);
        Assert.Equal(("90373-460", Severity.Warning), (anomaly.Code, anomaly.Severity));
        Assert.Equal(declaration.DeclarationNumber, declaration.PeriodId);
    }

    [Fact]
    public async Task Submit_SamePeriodTwice_RefusesTheSecondWith90373333()
    {
        await using var server = new DimonaServerFactory();
        var first = await SubmitAsync(server, Requests.Stg());
        var second = await SubmitAsync(server, Requests.Stg());

        Assert.Equal(DeclarationStatus.Accepted, first.Status);
        Assert.Equal(DeclarationStatus.Refused, second.Status);
        Assert.Equal(["90373-333"], Codes(second));
        Assert.NotEqual(first.DeclarationNumber, second.DeclarationNumber);
    }

    [Fact]
    public async Task Submit_BadNissCheckDigit_FailsNamingWorkerNissAndStoresNothing()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker.Niss = "93051822362";

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["worker.niss"], status.BadFields());
        Assert.Equal("INVALID_REQUEST", status.Reason());
        await using var db = server.CreateDbContext();
        Assert.Equal(0, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_SeveralMalformedFields_ListsEachField()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.RequestId = "not-a-uuid";
        request.Reference = new string('r', 21);
        request.DimonaIn.StartDate = "2027-02-30";
        request.DimonaIn.StartHour = "2460";
        request.DimonaIn.WorkerType = (WorkerType)99;
        request.DimonaIn.SmallStatutes.ActivityWithRisk = "999";

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(
            ["dimona_in.small_statutes.activity_with_risk", "dimona_in.start_date", "dimona_in.start_hour", "dimona_in.worker_type", "reference", "request_id"],
            status.BadFields().Order());
    }

    [Fact]
    public async Task Submit_UnknownWorkerType_FailsNamingTheFieldWith00655003()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.WorkerType = (WorkerType)99;

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["dimona_in.worker_type"], status.BadFields());
        Assert.Contains("00655-003", Violation(status, "dimona_in.worker_type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownEmploymentNatureAndInternType_FailsNamingBothWith01231003And00053003()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.SmallStatutes.EmploymentNature = (EmploymentNature)7;
        request.DimonaIn.SmallStatutes.InternType = (InternType)3;

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["dimona_in.small_statutes.employment_nature", "dimona_in.small_statutes.intern_type"], status.BadFields().Order());
        Assert.Contains("01231-003", Violation(status, "dimona_in.small_statutes.employment_nature"), StringComparison.Ordinal);
        Assert.Contains("00053-003", Violation(status, "dimona_in.small_statutes.intern_type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_JointCommitteeOverThreeCharacters_FailsNamingTheFieldWith00046003()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.JointCommittee = "3220";

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["dimona_in.joint_committee"], status.BadFields());
        Assert.Contains("00046-003", Violation(status, "dimona_in.joint_committee"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UserCompanyWithBadEnterpriseNumber_FailsNamingTheFieldWith00014003()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.UserCompany = new UserCompany { EnterpriseNumber = "0431150351" };

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["dimona_in.user_company.enterprise_number"], status.BadFields());
        Assert.Contains("00014-003", Violation(status, "dimona_in.user_company.enterprise_number"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoWorker_FailsNamingTheWorkerWith90017363()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker = null;

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["worker"], status.BadFields());
        Assert.Contains("90017-363", Violation(status, "worker"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_IncompleteIdentification_FailsNamingEachMissingField()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        var identification = Requests.Identification();
        identification.GivenName = "";
        identification.Sex = Sex.Unspecified;
        identification.Address.Street = new string('s', 36);
        request.Worker = new Worker { Identification = identification };

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(
            ["worker.identification.address.street", "worker.identification.given_name", "worker.identification.sex"],
            status.BadFields().Order());
    }

    [Fact]
    public async Task Submit_ImplausibleIdentificationData_FailsNamingEachFieldWithoutEchoingIt()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        var identification = Requests.Identification();
        identification.BirthDate = "2026-11-28";
        identification.BirthCountry = "ZZ";
        identification.Nationality = "be";
        identification.Address.PostCode = "x";
        request.Worker = new Worker { Identification = identification };

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(
            ["worker.identification.address.post_code", "worker.identification.birth_country", "worker.identification.birth_date", "worker.identification.nationality"],
            status.BadFields().Order());
        Assert.DoesNotContain("2026-11-28", status.GetDetail<Google.Rpc.BadRequest>().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_RetryWithUpperCaseRequestId_ReturnsTheFirstDeclaration()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        var first = await SubmitAsync(server, request);
        request.RequestId = request.RequestId.ToUpperInvariant();

        var again = await SubmitAsync(server, request);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Submit_NoWorkerAndNoContent_FailsNamingBoth()
    {
        await using var server = new DimonaServerFactory();
        var request = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
        };

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);
        Assert.Equal(["content"], status.BadFields());

        request.DimonaIn = Requests.Stg().DimonaIn;
        status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);
        Assert.Equal(["worker"], status.BadFields());
    }

    [Fact]
    public async Task Submit_UnknownEmployer_FailsNotFoundAndStoresNothing()
    {
        await using var server = new DimonaServerFactory();

        var status = await SubmitFailsAsync(server, Requests.Stg("0123456749"), StatusCode.NotFound);

        Assert.Equal("EMPLOYER_NOT_FOUND", status.Reason());
        await using var db = server.CreateDbContext();
        Assert.Equal(0, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_SameRequestIdTwice_ReturnsTheFirstDeclarationOnce()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();

        var first = await SubmitAsync(server, request);
        var again = await SubmitAsync(server, request);

        Assert.Equal(first, again);
        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
        Assert.Equal(1, await db.Periods.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_SameRequestIdWithOtherContent_FailsAlreadyExists()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        await SubmitAsync(server, request);
        request.Reference = "changed";

        var status = await SubmitFailsAsync(server, request, StatusCode.AlreadyExists);

        Assert.Equal("REQUEST_ID_REUSED", status.Reason());
    }

    [Fact]
    public async Task Submit_ConcurrentCalls_GetDistinctNumbersAndAllAreStored()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var requests = Enumerable.Range(0, 20).Select(i =>
        {
            var r = Requests.Stg();
            r.DimonaIn.StartDate = $"2027-01-{i + 1:D2}";
            r.DimonaIn.EndDate = $"2027-01-{i + 1:D2}";
            return r;
        });

        var replies = await Task.WhenAll(requests.Select(r => client.SubmitDeclarationAsync(r, cancellationToken: Ct).ResponseAsync));

        Assert.Equal(20, replies.Select(r => r.Declaration.DeclarationNumber).Distinct().Count());
        await using var db = server.CreateDbContext();
        Assert.Equal(20, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_MalformedPlaceOfWorkUserCompanyAndCards_FailsNamingEachField()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.DimonaIn.StudentPlaceOfWork = new PlaceOfWork { Name = new string('x', 97) };
        request.DimonaIn.UserCompany = new UserCompany { Name = "Uitzendklant NV" };
        request.DimonaIn.FirstMonthC32ANumber = "12345678901";

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(
            ["dimona_in.student_place_of_work.name", "dimona_in.student_place_of_work.address", "dimona_in.user_company.address", "dimona_in.first_month_c32a_number"],
            status.BadFields());
    }

    [Fact]
    public async Task Submit_UpdateWithPlannedHoursOutOfRangeAndABadPeriodId_FailsNamingBothWith01135_003()
    {
        await using var server = new DimonaServerFactory();
        var request = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
            DimonaUpdate = new DimonaUpdate { PeriodId = "123456789012", StartDate = "2027-01-04", PlannedHours = 0 },
        };

        var status = await SubmitFailsAsync(server, request, StatusCode.InvalidArgument);

        Assert.Equal(["dimona_update.planned_hours", "dimona_update.period_id"], status.BadFields());
        Assert.Contains("01135-003", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description, StringComparison.Ordinal);
        Assert.Contains("00913-003", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[1].Description, StringComparison.Ordinal);
    }
}
