using Dimona.V1;

namespace Dimona.Client;

/// <summary>Reading a declaration's result: whether it stands, and its anomalies as lines.</summary>
public static class DeclarationReading
{
    /// <summary>True for ACCEPTED and ACCEPTED_WITH_WARNINGS: the declaration holds, and an IN opened its period.</summary>
    public static bool IsAccepted(this Declaration declaration) =>
        declaration.Status is DeclarationStatus.Accepted or DeclarationStatus.AcceptedWithWarnings;

    /// <summary>
    /// One line per anomaly: its official code, severity, the field it is about (or "-") and its message, e.g.
    /// <c>90373-343 blocking employer: The employer is not active in the employers' register.</c>
    /// </summary>
    public static IReadOnlyList<string> AnomalyLines(this Declaration declaration) =>
        declaration.Anomalies
            .Select(anomaly => $"{anomaly.Code} {SeverityWord(anomaly.Severity)} {(anomaly.Field.Length > 0 ? anomaly.Field : "-")}: {anomaly.Message}")
            .ToList();

    /// <summary>"blocking" or "warning", as an anomaly's severity reads in a sentence.</summary>
    public static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Blocking => "blocking",
        Severity.Warning => "warning",
        _ => "unspecified",
    };
}
