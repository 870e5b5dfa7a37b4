using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Domain.Rules;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The stateful decision on a declaration, inside the writer's transaction: load the facts its rules need, run the
/// pure rules over them. The writer then gives the result a status and a number and stores it.
/// </summary>
internal static class Decisions
{
    /// <summary>
    /// An IN: the employer, the worker's periods with it and their quota hours. <paramref name="stateless"/> are the
    /// anomalies found before the writer; they follow the stateful ones.
    /// </summary>
    public static Decision In(IStoreTransaction t, Employer employer, Worker worker, DimonaIn @in, IReadOnlyList<Anomaly> stateless)
    {
        var niss = worker.Niss;
        var periods = niss is null ? [] : t.PeriodsOf(employer.Id, niss);
        var quotaTypes = DimonaInRules.QuotaTypes(@in.WorkerType);
        var quota = niss is null || quotaTypes is null ? 0 : t.PlannedHoursOf(niss, @in.StartDate.Year, quotaTypes, except: null);
        IReadOnlyList<Anomaly> anomalies = [.. DimonaInRules.Check(new InFacts(@in, employer, periods, quota)), .. stateless];
        return new Decision(anomalies, niss, PeriodShape.Of(@in), Named: null, Changed: null, Creates: @in);
    }

    /// <summary>An OUT, UPDATE or CANCEL: the period it names and, for an UPDATE, the worker's other periods and quota.</summary>
    public static Decision Change(
        IStoreTransaction t, Employer employer, DeclarationRequest request, PeriodChange change, IReadOnlyList<Anomaly> stateless, DateTimeOffset receiveTime)
    {
        var id = change.PeriodId;
        // Another employer's period, or its refused IN, is answered exactly as an id that does not exist.
        var period = t.FindPeriod(id) is { } found && found.EmployerId == employer.Id ? found : null;
        var refusedIn = period is null && DeclarationNumber.TryParse(id.Value, out var number, out _)
            && t.FindDeclaration(number) is { Kind: DeclarationKind.In, Declaration.Status: DeclarationStatus.Refused } refused
            && refused.EmployerId == employer.Id;
        IReadOnlyList<Period> others = [];
        var quota = 0;
        if (change is DimonaUpdate update && period is not null)
        {
            others = [.. t.PeriodsOf(employer.Id, period.Worker).Where(p => p.Id != period.Id)];
            if (DimonaInRules.QuotaTypes(period.WorkerType) is { } types)
            {
                quota = t.PlannedHoursOf(period.Worker, update.StartDate?.Year ?? period.StartDate.Year, types, period.Id);
            }
        }
        var (anomalies, changed) = ChangeRules.Check(new ChangeFacts(
            change, employer, request.Worker, period, refusedIn, others, quota, BelgianTime.ToBrussels(receiveTime)));
        return new Decision(
            [.. anomalies, .. stateless],
            period?.Worker ?? request.Worker?.Niss,
            period is not null ? PeriodShape.Of(period) : null,
            id,
            changed,
            Creates: null);
    }

    /// <summary>
    /// A pending IN decided again with the NISS an operator found: the stateful rules run with it, and the anomalies
    /// found at reception stand (each once).
    /// </summary>
    public static Decision Resolved(IStoreTransaction t, Employer employer, Niss niss, PeriodShape declared, IReadOnlyList<Anomaly> atReception)
    {
        var decision = In(t, employer, new Worker.Identified(niss), declared.AsIn(), atReception);
        return decision with { Anomalies = [.. decision.Anomalies.DistinctBy(a => (a.Code, a.Field))] };
    }
}

/// <summary>
/// What deciding found: every anomaly, the worker's NISS if known, the period as declared or as it stands, the period
/// an OUT, UPDATE or CANCEL names and the period as it leaves it, or the IN that would create a period.
/// </summary>
internal sealed record Decision(IReadOnlyList<Anomaly> Anomalies, Niss? Worker, PeriodShape? Shape, PeriodId? Named, Period? Changed, DimonaIn? Creates)
{
    /// <summary>Refused, pending, accepted with warnings or accepted, from the anomalies and whether the worker is known.</summary>
    public DeclarationStatus Status => DeclarationResult.StatusOf(Anomalies, workerIdentified: Worker is not null);

    /// <summary>
    /// The period the declaration saves under <paramref name="number"/>: the one an accepted IN creates, or the one an
    /// accepted OUT, UPDATE or CANCEL leaves; none when it is refused or pending.
    /// </summary>
    public Period? Saves(DeclarationNumber number, long employerId) =>
        !DeclarationResult.AppliesChange(Status) ? null
        : Creates is { } @in ? Period.Open(PeriodId.Of(number), employerId, Worker!, @in)
        : Changed;
}
