using Dimona.V1;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>The yearly quotas through gRPC: hours counted across employers, per calendar year, cancelled periods left out.</summary>
public class QuotaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Declaration> SubmitAsync(DimonaServerFactory server, SubmitDeclarationRequest request) =>
        (await server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    private static SubmitDeclarationRequest Hours(string employer, WorkerType type, string start, string end, int hours) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = employer },
        Worker = new Worker { Niss = Requests.Niss },
        DimonaIn = new DimonaIn { StartDate = start, EndDate = end, JointCommittee = "XXX", WorkerType = type, PlannedHours = hours },
    };

    [Fact]
    public async Task Student_OverThe2026QuotaAcrossTwoEmployers_IsWarned90017_369WithTheHoursOver_AndTheNextYearStartsAfresh()
    {
        await using var server = new DimonaServerFactory();

        var first = await SubmitAsync(server, Hours(Requests.DefinitiveEmployer, WorkerType.Stu, "2026-12-01", "2026-12-31", 400));
        var over = await SubmitAsync(server, Hours(Requests.ProvisionalEmployer, WorkerType.Stu, "2026-12-01", "2026-12-20", 300));
        var nextYear = await SubmitAsync(server, Hours(Requests.ProvisionalEmployer, WorkerType.Stu, "2027-01-04", "2027-01-29", 300));

        Assert.Equal(DeclarationStatus.Accepted, first.Status);
        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, over.Status);
        var warning = Assert.Single(over.Anomalies);
        Assert.Equal(("90017-369", Severity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("50", warning.Message, StringComparison.Ordinal);
        Assert.NotEqual("", over.PeriodId);
        Assert.Equal(DeclarationStatus.Accepted, nextYear.Status);
    }

    [Fact]
    public async Task Student_HoursOfACancelledPeriod_NoLongerCount()
    {
        await using var server = new DimonaServerFactory();
        var cancelled = await SubmitAsync(server, Hours(Requests.DefinitiveEmployer, WorkerType.Stu, "2026-12-01", "2026-12-31", 600));
        await SubmitAsync(server, new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
            DimonaCancel = new DimonaCancel { PeriodId = cancelled.PeriodId },
        });

        var after = await SubmitAsync(server, Hours(Requests.ProvisionalEmployer, WorkerType.Stu, "2026-12-01", "2026-12-20", 300));

        Assert.Equal(DeclarationStatus.Accepted, after.Status);
    }

    [Fact]
    public async Task Article17_OverItsQuotaAcrossEmployersAndTypes_IsRefused90017_369()
    {
        await using var server = new DimonaServerFactory();
        var first = await SubmitAsync(server, Hours(Requests.DefinitiveEmployer, WorkerType.O17, "2026-12-05", "2026-12-10", 200));

        var over = await SubmitAsync(server, Hours(Requests.ProvisionalEmployer, WorkerType.S17, "2026-12-06", "2026-12-11", 150));

        Assert.Equal(DeclarationStatus.Accepted, first.Status);
        Assert.Equal((DeclarationStatus.Refused, ""), (over.Status, over.PeriodId));
        Assert.Contains(over.Anomalies, a => a.Code == "90017-369" && a.Severity == Severity.Blocking);
    }
}
