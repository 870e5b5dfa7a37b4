using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using static Dimona.Grpc.Tests.Domain.InChecks;

namespace Dimona.Grpc.Tests.Domain;

/// <summary>The moves a period's state allows and refuses.</summary>
public class PeriodTests
{
    private static readonly PeriodId Id = PeriodId.Of(DeclarationNumber.FromBase(6586908370));

    private static Period Open() => Period.Open(Id, DefinitiveEmployer.Id, IdentifiedWorker.Niss!, Ordinary);

    private static Period Closed() => Period.Open(Id, DefinitiveEmployer.Id, IdentifiedWorker.Niss!, Student);

    private static Period Cancelled() => Open().Cancel("f").Changed!;

    private static DimonaUpdate Update(DateOnly? start = null, DateOnly? end = null, int? hours = null) => new(Id, start, end, null, null, hours);

    private static void Refused(Transition t, string code)
    {
        Assert.Null(t.Changed);
        Assert.Equal((code, Severity.Blocking), (t.Refusal!.Code, t.Refusal.Severity));
    }

    [Fact]
    public void Open_FromAnInWithoutEnd_IsOpen_AndWithAnEnd_IsClosed()
    {
        Assert.Equal((PeriodState.Open, null), (Open().State, Open().EndDate));
        Assert.Equal((PeriodState.Closed, Student.EndDate), (Closed().State, Closed().EndDate));
    }

    [Fact]
    public void Close_AnOpenPeriod_ClosesItOnTheEndDate()
    {
        var closed = Open().Close(new DimonaOut(Id, Date("2027-01-31"), Hour("17:00")), "f").Changed!;

        Assert.Equal((PeriodState.Closed, Date("2027-01-31"), Hour("17:00")), (closed.State, closed.EndDate, closed.EndHour));
        Assert.Equal(Ordinary.StartDate, closed.StartDate);
    }

    [Fact]
    public void Close_AClosedPeriod_IsRefused00913_356() =>
        Refused(Closed().Close(new DimonaOut(Id, Date("2026-12-15"), null), "f"), "00913-356");

    [Fact]
    public void AnyMove_OnACancelledPeriod_IsRefused00913_355()
    {
        Refused(Cancelled().Close(new DimonaOut(Id, Date("2027-01-31"), null), "f"), "00913-355");
        Refused(Cancelled().Update(Update(start: Date("2026-12-02")), "f", "e"), "00913-355");
        Refused(Cancelled().Cancel("f"), "00913-355");
    }

    [Fact]
    public void Update_GivingAnOpenPeriodAnEndDate_IsRefused00913_359()
    {
        var t = Open().Update(Update(end: Date("2027-01-31")), "f", "dimona_update.end_date");

        Refused(t, "00913-359");
        Assert.Equal("dimona_update.end_date", t.Refusal!.Field);
    }

    [Fact]
    public void Update_ChangingNothing_IsRefused90378_444() =>
        Refused(Closed().Update(Update(start: Student.StartDate, end: Student.EndDate, hours: Student.PlannedHours), "f", "e"), "90378-444");

    [Fact]
    public void Update_EndDate9999_12_31_ReopensAClosedPeriod()
    {
        var reopened = Closed().Update(Update(end: DimonaUpdate.ReOpen), "f", "e").Changed!;

        Assert.Equal((PeriodState.Open, null), (reopened.State, reopened.EndDate));
    }

    [Fact]
    public void Update_OnlyPlannedHours_KeepsTheDates()
    {
        var changed = Closed().Update(Update(start: Student.StartDate, hours: 60), "f", "e").Changed!;

        Assert.Equal((Student.StartDate, Student.EndDate, (int?)60), (changed.StartDate, changed.EndDate, changed.PlannedHours));
    }

    [Fact]
    public void Cancel_AClosedPeriod_CancelsIt() =>
        Assert.Equal(PeriodState.Cancelled, Closed().Cancel("f").Changed!.State);
}
