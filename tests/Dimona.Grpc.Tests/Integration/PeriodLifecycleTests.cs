using Dimona.V1;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>A period's life through gRPC: IN, UPDATE, OUT and CANCEL, and each refusal on the way.</summary>
public class PeriodLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Declaration> SubmitAsync(DimonaServerFactory server, SubmitDeclarationRequest request) =>
        (await server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    /// <summary>An open-ended ordinary worker from 2027-01-04, accepted as it is.</summary>
    private static SubmitDeclarationRequest OpenEnded(string enterpriseNumber = Requests.DefinitiveEmployer) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = enterpriseNumber },
        Worker = new Worker { Niss = Requests.Niss },
        DimonaIn = new DimonaIn { StartDate = "2027-01-04", JointCommittee = "XXX", WorkerType = WorkerType.Oth },
    };

    private static SubmitDeclarationRequest Out(string periodId, string endDate) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
        DimonaOut = new DimonaOut { PeriodId = periodId, EndDate = endDate },
    };

    private static SubmitDeclarationRequest Update(string periodId, string startDate = "", string endDate = "") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
        DimonaUpdate = new DimonaUpdate { PeriodId = periodId, StartDate = startDate, EndDate = endDate },
    };

    private static SubmitDeclarationRequest Cancel(string periodId) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
        DimonaCancel = new DimonaCancel { PeriodId = periodId },
    };

    private static async Task<(string State, DateOnly Start, DateOnly? End)> PeriodAsync(DimonaServerFactory server, string periodId)
    {
        await using var db = server.CreateDbContext();
        var row = await db.Periods.AsNoTracking().SingleAsync(p => p.PeriodId == periodId, Ct);
        return (row.State, row.StartDate, row.EndDate);
    }

    private static void Accepted(Declaration d, string periodId)
    {
        Assert.Equal(DeclarationStatus.Accepted, d.Status);
        Assert.Empty(d.Anomalies);
        Assert.Equal(periodId, d.PeriodId);
        Assert.NotEqual(periodId, d.DeclarationNumber);
    }

    private static void RefusedWith(Declaration d, string code, string field)
    {
        Assert.Equal(DeclarationStatus.Refused, d.Status);
        var anomaly = Assert.Single(d.Anomalies);
        Assert.Equal((code, Severity.Blocking, field), (anomaly.Code, anomaly.Severity, anomaly.Field));
    }

    [Fact]
    public async Task Lifecycle_InUpdateOutReopenOutCancel_EachChangesThePeriodUnderItsOwnNumber()
    {
        await using var server = new DimonaServerFactory();
        var @in = await SubmitAsync(server, OpenEnded());
        var periodId = @in.PeriodId;
        Assert.Equal(("Open", new DateOnly(2027, 1, 4), (DateOnly?)null), await PeriodAsync(server, periodId));

        var moved = await SubmitAsync(server, Update(periodId, startDate: "2027-01-11"));
        Accepted(moved, periodId);
        Assert.Equal(("Open", new DateOnly(2027, 1, 11), (DateOnly?)null), await PeriodAsync(server, periodId));

        var closed = await SubmitAsync(server, Out(periodId, "2027-06-30"));
        Accepted(closed, periodId);
        Assert.Equal(("Closed", new DateOnly(2027, 1, 11), (DateOnly?)new DateOnly(2027, 6, 30)), await PeriodAsync(server, periodId));

        var extended = await SubmitAsync(server, Update(periodId, endDate: "2027-09-30"));
        Accepted(extended, periodId);
        Assert.Equal(new DateOnly(2027, 9, 30), (await PeriodAsync(server, periodId)).End);

        var reopened = await SubmitAsync(server, Update(periodId, endDate: "9999-12-31"));
        Accepted(reopened, periodId);
        Assert.Equal(("Open", (DateOnly?)null), ((await PeriodAsync(server, periodId)).State, (await PeriodAsync(server, periodId)).End));

        Accepted(await SubmitAsync(server, Out(periodId, "2027-12-31")), periodId);
        var cancelled = await SubmitAsync(server, Cancel(periodId));
        Accepted(cancelled, periodId);
        Assert.Equal("Cancelled", (await PeriodAsync(server, periodId)).State);

        var numbers = new[] { @in, moved, closed, extended, reopened, cancelled }.Select(d => d.DeclarationNumber).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Out_UnknownPeriod_IsRefused00913_354()
    {
        await using var server = new DimonaServerFactory();

        RefusedWith(await SubmitAsync(server, Out("123456789002", "2027-06-30")), "00913-354", "dimona_out.period_id");
    }

    [Fact]
    public async Task Out_NumberOfARefusedIn_IsRefused00913_357()
    {
        await using var server = new DimonaServerFactory();
        var refusedIn = OpenEnded();
        refusedIn.DimonaIn.JointCommittee = "";
        var refused = await SubmitAsync(server, refusedIn);
        Assert.Equal(DeclarationStatus.Refused, refused.Status);

        RefusedWith(await SubmitAsync(server, Out(refused.DeclarationNumber, "2027-06-30")), "00913-357", "dimona_out.period_id");
    }

    [Fact]
    public async Task Out_PeriodAlreadyClosed_IsRefused00913_356AndChangesNothing()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, Requests.Stg())).PeriodId;

        RefusedWith(await SubmitAsync(server, Out(periodId, "2027-02-28")), "00913-356", "dimona_out.period_id");
        Assert.Equal(new DateOnly(2027, 3, 31), (await PeriodAsync(server, periodId)).End);
    }

    [Fact]
    public async Task Out_EndBeforeThePeriodsStart_IsRefused00911_014()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;

        RefusedWith(await SubmitAsync(server, Out(periodId, "2027-01-03")), "00911-014", "dimona_out.end_date");
        Assert.Equal("Open", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task Update_EndDateOfAnOpenPeriod_IsRefused00913_359()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;

        RefusedWith(await SubmitAsync(server, Update(periodId, endDate: "2027-06-30")), "00913-359", "dimona_update.end_date");
        Assert.Equal("Open", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task Update_WithoutStartOrEndDate_IsRefused90378_360()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var request = Update(periodId);
        request.DimonaUpdate.StartHour = "0800";

        var refused = await SubmitAsync(server, request);

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "90378-360" && a.Field == "dimona_update");
    }

    [Fact]
    public async Task Update_ChangingNothing_IsRefused90378_444()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;

        RefusedWith(await SubmitAsync(server, Update(periodId, startDate: "2027-01-04")), "90378-444", "dimona_update.period_id");
    }

    [Fact]
    public async Task Update_StartDateAlreadyPast_IsAcceptedWithWarning90378_460()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;

        var late = await SubmitAsync(server, Update(periodId, startDate: "2026-11-02"));

        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, late.Status);
        var anomaly = Assert.Single(late.Anomalies);
        Assert.Equal(("90378-460", Severity.Warning), (anomaly.Code, anomaly.Severity));
        Assert.Equal(new DateOnly(2026, 11, 2), (await PeriodAsync(server, periodId)).Start);
    }

    [Fact]
    public async Task Update_StudentAcrossTwoQuarters_IsRefusedUnderTheUpdatesCode90378_421()
    {
        await using var server = new DimonaServerFactory();
        var student = OpenEnded();
        student.DimonaIn.WorkerType = WorkerType.Stu;
        student.DimonaIn.EndDate = "2027-01-31";
        student.DimonaIn.PlannedHours = 40;
        var periodId = (await SubmitAsync(server, student)).PeriodId;

        var refused = await SubmitAsync(server, Update(periodId, endDate: "2027-04-15"));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "90378-421" && a.Field == "dimona_update.end_date");
        Assert.Equal(new DateOnly(2027, 1, 31), (await PeriodAsync(server, periodId)).End);
    }

    [Fact]
    public async Task Update_StgStartMovedBefore2020_IsRefused00910_008()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, Requests.Stg())).PeriodId;

        var refused = await SubmitAsync(server, Update(periodId, startDate: "2019-12-02", endDate: "2019-12-20"));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "00910-008" && a.Field == "dimona_update.start_date");
    }

    [Fact]
    public async Task Update_OntoAnotherPeriodOfTheWorker_IsRefused90378_334()
    {
        await using var server = new DimonaServerFactory();
        var first = OpenEnded();
        first.DimonaIn.EndDate = "2027-01-31";
        await SubmitAsync(server, first);
        var second = OpenEnded();
        second.DimonaIn.StartDate = "2027-03-01";
        second.DimonaIn.EndDate = "2027-03-31";
        var periodId = (await SubmitAsync(server, second)).PeriodId;

        var refused = await SubmitAsync(server, Update(periodId, startDate: "2027-01-15"));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "90378-334");
    }

    [Fact]
    public async Task AnyChange_OfACancelledPeriod_IsRefused00913_355()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        Accepted(await SubmitAsync(server, Cancel(periodId)), periodId);

        RefusedWith(await SubmitAsync(server, Cancel(periodId)), "00913-355", "dimona_cancel.period_id");
        RefusedWith(await SubmitAsync(server, Out(periodId, "2027-06-30")), "00913-355", "dimona_out.period_id");
        RefusedWith(await SubmitAsync(server, Update(periodId, startDate: "2027-02-01")), "00913-355", "dimona_update.period_id");
    }

    [Fact]
    public async Task Cancel_FreesTheDatesForANewIn()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        await SubmitAsync(server, Cancel(periodId));

        Assert.Equal(DeclarationStatus.Accepted, (await SubmitAsync(server, OpenEnded())).Status);
    }

    [Fact]
    public async Task Out_ByAnotherEmployersEnterpriseNumber_IsRefusedAsAnUnknownPeriod00913_354()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var request = Out(periodId, "2027-06-30");
        request.Employer = new EmployerId { EnterpriseNumber = Requests.ProvisionalEmployer };

        RefusedWith(await SubmitAsync(server, request), "00913-354", "dimona_out.period_id");
        Assert.Equal("Open", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task Cancel_ByAnotherEmployersOnssNumber_IsRefusedAsAnUnknownPeriod00913_354()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded(Requests.ProvisionalEmployer))).PeriodId;
        var request = Cancel(periodId);
        request.Employer = new EmployerId { OnssNumber = Requests.DefinitiveOnss };

        RefusedWith(await SubmitAsync(server, request), "00913-354", "dimona_cancel.period_id");
        Assert.Equal("Open", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task Out_NamingAnotherWorker_IsRefused00024_347()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var request = Out(periodId, "2027-06-30");
        request.Worker = new Worker { Niss = Workers.Niss(7) };

        RefusedWith(await SubmitAsync(server, request), "00024-347", "worker.niss");
    }

    [Fact]
    public async Task Out_NamingThePeriodsWorker_IsAccepted()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var request = Out(periodId, "2027-06-30");
        request.Worker = new Worker { Niss = Requests.Niss };

        Accepted(await SubmitAsync(server, request), periodId);
    }

    [Fact]
    public async Task Out_MalformedPeriodId_FailsInvalidArgumentNamingIt()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(global::Grpc.Core.StatusCode.InvalidArgument,
            () => server.CreateDimonaClient().SubmitDeclarationAsync(Out("123456789012", "2027-06-30"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["dimona_out.period_id"], status.BadFields());
    }

    [Fact]
    public async Task Out_RetriedWithTheSameRequestId_ReturnsTheFirstResult()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var request = Out(periodId, "2027-06-30");

        var first = await SubmitAsync(server, request);
        var again = await SubmitAsync(server, request);

        Assert.Equal(first.DeclarationNumber, again.DeclarationNumber);
        Assert.Equal(DeclarationStatus.Accepted, again.Status);
    }

    [Fact]
    public async Task Batch_ItemsOfEveryKind_AreDecidedInOrder()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var other = OpenEnded();
        other.Worker.Niss = Workers.Niss(3);

        using var call = new BatchCalls(server.CreateDimonaClient());
        var results = await call.SendAsync(Update(periodId, startDate: "2027-01-05"), Out(periodId, "2027-02-28"), Cancel(periodId), other);

        Assert.All(results.Take(3), r => Accepted(r.Declaration, periodId));
        Assert.Equal(DeclarationStatus.Accepted, results[3].Declaration.Status);
        Assert.Equal("Cancelled", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task SameDayFlexiShifts_ThatDoNotMeet_AreBothAccepted_AndAThirdOverlappingOneIsRefused90373_334()
    {
        await using var server = new DimonaServerFactory();
        SubmitDeclarationRequest Shift(string from, string to)
        {
            var request = OpenEnded(Requests.DefinitiveEmployer);
            request.DimonaIn = new DimonaIn
            {
                StartDate = "2026-12-05", EndDate = "2026-12-05", StartHour = from, EndHour = to, JointCommittee = "302", WorkerType = WorkerType.Flx,
            };
            return request;
        }

        var morning = await SubmitAsync(server, Shift("0800", "1200"));
        var evening = await SubmitAsync(server, Shift("1800", "2200"));
        var overlapping = await SubmitAsync(server, Shift("1100", "1500"));

        Assert.Equal((DeclarationStatus.Accepted, DeclarationStatus.Accepted), (morning.Status, evening.Status));
        Assert.Equal(DeclarationStatus.Refused, overlapping.Status);
        Assert.Contains(overlapping.Anomalies, a => a.Code == "90373-334" && a.Message.Contains(morning.PeriodId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateOnly_ShowsTheResultWithoutStoringOrNumbering()
    {
        await using var server = new DimonaServerFactory();
        var refused = OpenEnded();
        refused.DimonaIn.JointCommittee = "";
        refused.ValidateOnly = true;
        var fine = OpenEnded();
        fine.ValidateOnly = true;

        var preview = await SubmitAsync(server, refused);
        var clean = await SubmitAsync(server, fine);

        Assert.Equal((DeclarationStatus.Refused, "", "", true), (preview.Status, preview.DeclarationNumber, preview.PeriodId, preview.ValidateOnly));
        Assert.Contains(preview.Anomalies, a => a.Code == "00046-001");
        Assert.Equal((DeclarationStatus.Accepted, "", true), (clean.Status, clean.DeclarationNumber, clean.ValidateOnly));
        await using var db = server.CreateDbContext();
        Assert.Equal(0, await db.Declarations.CountAsync(Ct));

        fine.ValidateOnly = false;
        var stored = await SubmitAsync(server, fine);
        Assert.Equal((DeclarationStatus.Accepted, false), (stored.Status, stored.ValidateOnly));
        Assert.NotEqual("", stored.DeclarationNumber);
    }

    [Fact]
    public async Task ValidateOnly_OfAnOut_RunsThePeriodRulesAndChangesNothing()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var preview = Out(periodId, "2027-06-30");
        preview.ValidateOnly = true;

        var answer = await SubmitAsync(server, preview);

        Assert.Equal((DeclarationStatus.Accepted, ""), (answer.Status, answer.DeclarationNumber));
        Assert.Equal("Open", (await PeriodAsync(server, periodId)).State);
    }

    [Fact]
    public async Task RefusedChange_OfAnotherEmployersPeriod_IsAnsweredAsAnUnknownIdAndStaysOutOfItsHistory()
    {
        await using var server = new DimonaServerFactory();
        var periodId = (await SubmitAsync(server, OpenEnded())).PeriodId;
        var intruder = Cancel(periodId);
        intruder.Employer = new EmployerId { EnterpriseNumber = Requests.ProvisionalEmployer };
        const string unknownId = "123456789002";
        var probe = Cancel(unknownId);
        probe.Employer = intruder.Employer;

        var refused = await SubmitAsync(server, intruder);
        var unknown = await SubmitAsync(server, probe);
        var history = await server.CreateDimonaClient().GetPeriodAsync(new GetPeriodRequest { PeriodId = periodId }, cancellationToken: Ct);

        Assert.Equal((DeclarationStatus.Refused, periodId), (refused.Status, refused.PeriodId));
        Assert.Equal(
            unknown.Anomalies.Select(a => (a.Code, a.Severity, a.Field, a.Message.Replace(unknownId, "ID", StringComparison.Ordinal))),
            refused.Anomalies.Select(a => (a.Code, a.Severity, a.Field, a.Message.Replace(periodId, "ID", StringComparison.Ordinal))));
        Assert.Equal(["IN"], history.Declarations.Select(d => d.ContentCase == Declaration.ContentOneofCase.DimonaIn ? "IN" : "other"));
    }

    [Fact]
    public async Task Retry_UnderTheEmployersOtherNumber_ReturnsTheFirstResult()
    {
        await using var server = new DimonaServerFactory();
        var request = OpenEnded();
        var first = await SubmitAsync(server, request);
        request.Employer = new EmployerId { OnssNumber = Requests.DefinitiveOnss };

        var again = await SubmitAsync(server, request);

        Assert.Equal(first.DeclarationNumber, again.DeclarationNumber);
    }

    [Fact]
    public async Task Out_OfAnOpenFlexiOnItsFirstDayWithoutStartHour_IsRefused00777_001OnThePeriod()
    {
        await using var server = new DimonaServerFactory();
        var flexi = OpenEnded();
        flexi.DimonaIn = new DimonaIn { StartDate = "2026-12-01", JointCommittee = "302", WorkerType = WorkerType.Flx };
        var periodId = (await SubmitAsync(server, flexi)).PeriodId;
        var close = Out(periodId, "2026-12-01");
        close.DimonaOut.EndHour = "1700";

        var refused = await SubmitAsync(server, close);

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "00777-001" && a.Field == "dimona_out.period_id");
    }

    [Fact]
    public async Task Update_OnlyHoursOfAPastPeriod_RepeatingItsDate_IsNotLate()
    {
        await using var server = new DimonaServerFactory();
        var past = OpenEnded();
        past.DimonaIn.StartDate = "2026-11-02";
        past.DimonaIn.EndDate = "2026-11-20";
        var periodId = (await SubmitAsync(server, past)).PeriodId;
        var hours = Update(periodId, endDate: "2026-11-20");
        hours.DimonaUpdate.EndHour = "1700";

        var changed = await SubmitAsync(server, hours);

        Accepted(changed, periodId);
    }

    [Fact]
    public async Task Update_ReopeningAStudentPeriod_IsRefused90378_368()
    {
        await using var server = new DimonaServerFactory();
        var student = OpenEnded();
        student.DimonaIn.WorkerType = WorkerType.Stu;
        student.DimonaIn.EndDate = "2027-01-31";
        student.DimonaIn.PlannedHours = 40;
        var periodId = (await SubmitAsync(server, student)).PeriodId;

        var refused = await SubmitAsync(server, Update(periodId, endDate: "9999-12-31"));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "90378-368" && a.Field == "dimona_update.end_date");
        Assert.Equal(new DateOnly(2027, 1, 31), (await PeriodAsync(server, periodId)).End);
    }
}
