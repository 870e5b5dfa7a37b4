namespace Dimona.Grpc.Domain.Rules;

/// <summary>
/// Everything the rules of a Dimona IN may look at: the declaration, the employer, the worker's
/// existing periods with that employer, and the Belgian civil time at reception.
/// </summary>
public sealed record InCheck(DimonaIn In, Worker Worker, Employer Employer, IReadOnlyList<DimonaPeriod> WorkerPeriods, DateTime BrusselsNow)
{
    public DateOnly Today => DateOnly.FromDateTime(BrusselsNow);

    /// <summary>1 January of (current year + 10): the first date no longer allowed as a start or end date.</summary>
    public DateOnly DateLimit => new(Today.Year + 10, 1, 1);
}
