namespace Dimona.Grpc.Domain.Rules;

/// <summary>The status of a declaration from its anomalies.</summary>
public static class DeclarationResult
{
    /// <summary>
    /// Any blocking anomaly refuses; otherwise a worker without a NISS leaves it pending; otherwise warnings
    /// give accepted-with-warnings and no anomaly accepted.
    /// </summary>
    public static DeclarationStatus StatusOf(IReadOnlyList<Anomaly> anomalies, bool workerIdentified) =>
        anomalies.Any(a => a.Severity == Severity.Blocking) ? DeclarationStatus.Refused
        : !workerIdentified ? DeclarationStatus.Pending
        : anomalies.Count > 0 ? DeclarationStatus.AcceptedWithWarnings
        : DeclarationStatus.Accepted;

    /// <summary>Accepted declarations create (or change) a period; refused and pending ones do not.</summary>
    public static bool AppliesChange(DeclarationStatus status) =>
        status is DeclarationStatus.Accepted or DeclarationStatus.AcceptedWithWarnings;
}
