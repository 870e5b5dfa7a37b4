using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>Prints a declaration: its result, and for <c>dimona get</c> also what was declared.</summary>
internal static class DeclarationPrinter
{
    /// <summary>Status, numbers, receive time and one line per anomaly.</summary>
    public static void PrintResult(Declaration declaration, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        fields.Field("Status", Words.Of(declaration.Status));
        fields.Field("Declaration number", declaration.DeclarationNumber);
        fields.FieldIfGiven("Period id", declaration.PeriodId);
        fields.FieldIfGiven("Request id", declaration.RequestId);
        if (declaration.ReceiveTime is not null)
        {
            fields.Field("Received", Words.Of(declaration.ReceiveTime));
        }

        if (declaration.Anomalies.Count > 0)
        {
            writer.WriteLine($"Anomalies ({declaration.Anomalies.Count}):");
            PrintAnomalies(declaration.Anomalies, writer);
        }
    }

    /// <summary>The result, then the declaration as the service received it.</summary>
    public static void PrintDeclaration(Declaration declaration, TextWriter writer)
    {
        PrintResult(declaration, writer);
        writer.WriteLine();

        var fields = new FieldWriter(writer);
        fields.Field("Declaration", declaration.ContentCase == Declaration.ContentOneofCase.DimonaIn ? "Dimona IN" : "unknown type");
        fields.Field("Employer", declaration.Employer is null ? "not given" : Words.Of(declaration.Employer));
        WorkerPrinter.Print(declaration.Worker, fields);
        if (declaration.DimonaIn is not null)
        {
            PrintDimonaIn(declaration.DimonaIn, fields);
        }

        fields.FieldIfGiven("Reference", declaration.Reference);
    }

    private static void PrintAnomalies(IReadOnlyList<Anomaly> anomalies, TextWriter writer)
    {
        var codeWidth = anomalies.Max(anomaly => anomaly.Code.Length);
        var severityWidth = anomalies.Max(anomaly => Words.Of(anomaly.Severity).Length);
        var fieldWidth = anomalies.Max(anomaly => FieldOf(anomaly).Length);
        foreach (var anomaly in anomalies)
        {
            writer.WriteLine(
                $"  {anomaly.Code.PadRight(codeWidth)}  {Words.Of(anomaly.Severity).PadRight(severityWidth)}  "
                + $"{FieldOf(anomaly).PadRight(fieldWidth)}  {anomaly.Message}");
        }
    }

    private static string FieldOf(Anomaly anomaly) => anomaly.Field.Length > 0 ? anomaly.Field : "-";

    private static void PrintDimonaIn(DimonaIn dimonaIn, FieldWriter fields)
    {
        fields.Field("Start date", dimonaIn.StartDate);
        fields.Field("End date", dimonaIn.EndDate.Length > 0 ? dimonaIn.EndDate : "(open-ended)");
        fields.FieldIfGiven("Start hour", dimonaIn.StartHour);
        fields.FieldIfGiven("End hour", dimonaIn.EndHour);
        fields.Field("Joint committee", dimonaIn.JointCommittee);
        fields.Field("Worker type", Words.Of(dimonaIn.WorkerType));
        if (dimonaIn.HasPlannedHours)
        {
            fields.Field("Planned hours", dimonaIn.PlannedHours.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (dimonaIn.SmallStatutes is { } smallStatutes)
        {
            fields.Field("Small statutes", SmallStatutesText(smallStatutes));
        }
    }

    private static string SmallStatutesText(SmallStatutes smallStatutes)
    {
        var nature = smallStatutes.EmploymentNature == EmploymentNature.Unspecified
            ? "employment nature not given"
            : Words.Of(smallStatutes.EmploymentNature);
        var risk = smallStatutes.ActivityWithRisk.Length > 0
            ? $"activity with risk {smallStatutes.ActivityWithRisk}"
            : "no activity with risk";
        var internType = smallStatutes.InternType == InternType.Unspecified
            ? "intern type not given"
            : $"intern type {Words.Of(smallStatutes.InternType)}";
        return $"{nature}, {risk}, {internType}";
    }
}
