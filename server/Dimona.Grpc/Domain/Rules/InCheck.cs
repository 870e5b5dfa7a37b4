namespace Dimona.Grpc.Domain.Rules;

/// <summary>
/// What the stateless rules of a Dimona IN look at: the declaration, its worker and the Belgian civil time at
/// reception. They run before the declaration is queued for the writer.
/// </summary>
public sealed record InCheck(DimonaIn In, Worker Worker, DateTime BrusselsNow)
{
    public DateOnly Today => DateOnly.FromDateTime(BrusselsNow);

    /// <summary>1 January of (current year + 10): the first date no longer allowed as a start or end date.</summary>
    public DateOnly DateLimit => new(Today.Year + 10, 1, 1);
}

/// <summary>
/// What the stateful rules of a Dimona IN look at: the declaration, the employer, the worker's other periods with
/// that employer (cancelled ones left out), and the hours the worker has already been declared for in the IN's
/// calendar year under the same quota (students; article 17), across all employers. The writer finds them in its
/// transaction.
/// </summary>
public sealed record InFacts(DimonaIn In, Employer Employer, IReadOnlyList<Period> WorkerPeriods, int QuotaHoursBefore = 0);
