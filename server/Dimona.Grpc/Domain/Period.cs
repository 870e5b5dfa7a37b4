using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>Where a period stands: open (no end date), closed (an end date) or cancelled.</summary>
public enum PeriodState
{
    Open,
    Closed,
    Cancelled,
}

/// <summary>
/// A Dimona period: created by an accepted IN, then changed only through <see cref="Close"/> (OUT),
/// <see cref="Update"/> (UPDATE) and <see cref="Cancel"/> (CANCEL), which refuse the moves its state forbids with
/// the official code. The employer, worker, joint committee and worker type never change.
/// </summary>
public sealed class Period
{
    private Period(
        PeriodId id, long employerId, Niss worker, string jointCommittee, WorkerType workerType, PeriodState state,
        DateOnly startDate, DateOnly? endDate, TimeOnly? startHour, TimeOnly? endHour, int? plannedHours)
    {
        Id = id;
        EmployerId = employerId;
        Worker = worker;
        JointCommittee = jointCommittee;
        WorkerType = workerType;
        State = state;
        StartDate = startDate;
        EndDate = endDate;
        StartHour = startHour;
        EndHour = endHour;
        PlannedHours = plannedHours;
    }

    public PeriodId Id { get; }
    public long EmployerId { get; }
    public Niss Worker { get; }
    public string JointCommittee { get; }
    public WorkerType WorkerType { get; }
    public PeriodState State { get; }
    public DateOnly StartDate { get; }
    public DateOnly? EndDate { get; }
    public TimeOnly? StartHour { get; }
    public TimeOnly? EndHour { get; }
    public int? PlannedHours { get; }

    /// <summary>The period an accepted IN creates: open without an end date, closed with one.</summary>
    public static Period Open(PeriodId id, long employerId, Niss worker, DimonaIn @in) => new(
        id, employerId, worker, @in.JointCommittee, @in.WorkerType, @in.EndDate is null ? PeriodState.Open : PeriodState.Closed,
        @in.StartDate, @in.EndDate, @in.StartHour, @in.EndHour, @in.PlannedHours);

    /// <summary>A stored period as it was saved.</summary>
    public static Period Restore(
        PeriodId id, long employerId, Niss worker, string jointCommittee, WorkerType workerType, PeriodState state,
        DateOnly startDate, DateOnly? endDate, TimeOnly? startHour, TimeOnly? endHour, int? plannedHours) =>
        new(id, employerId, worker, jointCommittee, workerType, state, startDate, endDate, startHour, endHour, plannedHours);

    /// <summary>OUT: gives an open period its end date. 00913-355 when cancelled, 00913-356 when already closed.</summary>
    public Transition Close(DimonaOut @out, string field) => State switch
    {
        PeriodState.Cancelled => Cancelled(field),
        PeriodState.Closed => Refused(Anomaly.Blocking("00913-356", field, $"Period {Id} is already closed: change its end date with a Dimona UPDATE.")),
        _ => Changed(With(StartDate, @out.EndDate, StartHour, @out.EndHour ?? EndHour, PlannedHours)),
    };

    /// <summary>
    /// UPDATE: changes dates, hours or planned hours. 00913-355 when cancelled; 00913-359 when it would close an
    /// open period (an OUT does that); 90378-444 when nothing changes. The end date 9999-12-31 re-opens the period.
    /// </summary>
    public Transition Update(DimonaUpdate update, string field, string endDateField)
    {
        if (State == PeriodState.Cancelled)
        {
            return Cancelled(field);
        }
        if (State == PeriodState.Open && update.EndDate is { } end && end != DimonaUpdate.ReOpen)
        {
            return Refused(Anomaly.Blocking("00913-359", endDateField, $"Period {Id} is open: close it with a Dimona OUT, not an UPDATE."));
        }
        var changed = With(
            update.StartDate ?? StartDate,
            update.EndDate == DimonaUpdate.ReOpen ? null : update.EndDate ?? EndDate,
            update.StartHour ?? StartHour,
            update.EndHour ?? EndHour,
            update.PlannedHours ?? PlannedHours);
        return changed.SameShape(this)
            ? Refused(Anomaly.Blocking("90378-444", field, $"This UPDATE changes nothing in period {Id}."))
            : Changed(changed);
    }

    /// <summary>CANCEL: annuls the period, open or closed. 00913-355 when already cancelled.</summary>
    public Transition Cancel(string field) => State == PeriodState.Cancelled
        ? Cancelled(field)
        : Changed(new Period(Id, EmployerId, Worker, JointCommittee, WorkerType, PeriodState.Cancelled, StartDate, EndDate, StartHour, EndHour, PlannedHours));

    /// <summary>Whether the two have the same dates, hours and planned hours.</summary>
    public bool SameShape(Period other) =>
        StartDate == other.StartDate && EndDate == other.EndDate && StartHour == other.StartHour && EndHour == other.EndHour
        && PlannedHours == other.PlannedHours;

    /// <summary>The period as an IN with the same features would declare it, for the rules on its dates and hours.</summary>
    public DimonaIn AsIn() => PeriodShape.Of(this).AsIn();

    private Period With(DateOnly start, DateOnly? end, TimeOnly? startHour, TimeOnly? endHour, int? plannedHours) => new(
        Id, EmployerId, Worker, JointCommittee, WorkerType, end is null ? PeriodState.Open : PeriodState.Closed, start, end, startHour, endHour, plannedHours);

    private Transition Cancelled(string field) =>
        Refused(Anomaly.Blocking("00913-355", field, $"Period {Id} is cancelled: no declaration can change it any more."));

    private static Transition Changed(Period period) => new(period, null);

    private static Transition Refused(Anomaly why) => new(null, why);
}

/// <summary>The result of a move on a period: the changed period, or the anomaly that refuses the move.</summary>
public sealed record Transition(Period? Changed, Anomaly? Refusal);

/// <summary>The features, dates, hours and planned hours of a period, as an IN declares them or a period has them.</summary>
public sealed record PeriodShape(
    string JointCommittee, WorkerType WorkerType, DateOnly StartDate, DateOnly? EndDate, TimeOnly? StartHour, TimeOnly? EndHour, int? PlannedHours)
{
    public static PeriodShape Of(DimonaIn @in) =>
        new(@in.JointCommittee, @in.WorkerType, @in.StartDate, @in.EndDate, @in.StartHour, @in.EndHour, @in.PlannedHours);

    public static PeriodShape Of(Period p) => new(p.JointCommittee, p.WorkerType, p.StartDate, p.EndDate, p.StartHour, p.EndHour, p.PlannedHours);

    /// <summary>The IN that declares this shape, without the IN's extra data.</summary>
    public DimonaIn AsIn() => new(StartDate, EndDate, StartHour, EndHour, JointCommittee, WorkerType, PlannedHours, SmallStatutes: null);
}
