using System.Globalization;
using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>Prints a declaration: its result, and for <c>dimona get</c> also what was declared.</summary>
internal static class DeclarationPrinter
{
    /// <summary>What a preview (validate only) says in place of a declaration number.</summary>
    public const string PreviewNotice = "nothing was stored and no number was drawn; send it again without validate-only to declare it";

    /// <summary>Status, numbers, receive time and one line per anomaly; for a preview, that nothing was stored.</summary>
    public static void PrintResult(Declaration declaration, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        if (declaration.ValidateOnly)
        {
            fields.Field("Preview only", PreviewNotice);
        }

        fields.Field("Status", Words.Of(declaration.Status));
        if (!declaration.ValidateOnly)
        {
            fields.Field("Declaration number", declaration.DeclarationNumber);
        }

        fields.FieldIfGiven("Period id", declaration.PeriodId);
        fields.FieldIfGiven("Identified NISS", declaration.IdentifiedNiss);
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
        var kind = Words.KindOf(declaration);
        fields.Field("Declaration", kind == DeclarationKind.Unspecified ? "unknown type" : kind.Named());
        fields.Field("Employer", declaration.Employer is null ? "not given" : Words.Of(declaration.Employer));
        WorkerPrinter.Print(declaration.Worker, declaration.IdentifiedNiss, fields);
        switch (declaration.ContentCase)
        {
            case Declaration.ContentOneofCase.DimonaIn:
                PrintDimonaIn(declaration.DimonaIn, fields);
                break;
            case Declaration.ContentOneofCase.DimonaOut:
                fields.Field("Period to close", declaration.DimonaOut.PeriodId);
                fields.Field("End date", declaration.DimonaOut.EndDate);
                fields.FieldIfGiven("End hour", declaration.DimonaOut.EndHour);
                break;
            case Declaration.ContentOneofCase.DimonaUpdate:
                PrintDimonaUpdate(declaration.DimonaUpdate, fields);
                break;
            case Declaration.ContentOneofCase.DimonaCancel:
                fields.Field("Period to cancel", declaration.DimonaCancel.PeriodId);
                break;
        }

        fields.FieldIfGiven("Reference", declaration.Reference);
    }

    /// <summary>An UPDATE's end date in words: "9999-12-31" removes the end date.</summary>
    public static string UpdatedEndDate(string endDate) =>
        endDate == DimonaCodes.ReOpenEndDate ? $"none: re-opens the period ({endDate})" : endDate;

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
            fields.Field("Planned hours", dimonaIn.PlannedHours.ToString(CultureInfo.InvariantCulture));
        }

        if (dimonaIn.SmallStatutes is { } smallStatutes)
        {
            fields.Field("Small statutes", SmallStatutesText(smallStatutes));
        }

        if (dimonaIn.StudentPlaceOfWork is { } placeOfWork)
        {
            fields.Field("Place of work", NameAndAddress(placeOfWork.Name, placeOfWork.Address));
        }

        if (dimonaIn.UserCompany is { } userCompany)
        {
            fields.Field("User company", UserCompanyText(userCompany));
        }

        fields.FieldIfGiven("C3.2A first month", dimonaIn.FirstMonthC32ANumber);
        fields.FieldIfGiven("C3.2A next month", dimonaIn.NextMonthC32ANumber);
    }

    private static void PrintDimonaUpdate(DimonaUpdate update, FieldWriter fields)
    {
        fields.Field("Period to change", update.PeriodId);
        fields.FieldIfGiven("New start date", update.StartDate);
        if (update.EndDate.Length > 0)
        {
            fields.Field("New end date", UpdatedEndDate(update.EndDate));
        }

        fields.FieldIfGiven("New start hour", update.StartHour);
        fields.FieldIfGiven("New end hour", update.EndHour);
        if (update.HasPlannedHours)
        {
            fields.Field("New planned hours", update.PlannedHours.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string UserCompanyText(UserCompany userCompany)
    {
        var parts = new List<string>();
        if (userCompany.EnterpriseNumber.Length > 0)
        {
            parts.Add($"enterprise number {userCompany.EnterpriseNumber}");
        }

        if (userCompany.Name.Length > 0 || userCompany.Address is not null)
        {
            parts.Add(NameAndAddress(userCompany.Name, userCompany.Address));
        }

        return parts.Count > 0 ? string.Join("; ", parts) : "nothing given";
    }

    private static string NameAndAddress(string name, Address? address) => string.Join(", ", new[]
    {
        name.Length > 0 ? name : "name not given",
        address is null ? "address not given" : Words.Of(address),
    });

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
