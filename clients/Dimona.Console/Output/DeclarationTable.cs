using System.Globalization;
using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>
/// Prints declarations one line each: the personnel file of <c>dimona list</c>, the pending ones of
/// <c>dimona pending</c> (with their employer) and a period's history in <c>dimona period</c>.
/// </summary>
internal static class DeclarationTable
{
    public static void Print(IEnumerable<Declaration> declarations, TextWriter writer, bool withEmployer = false)
    {
        string[] headers = withEmployer
            ? ["Number", "Kind", "Status", "Period", "Employer", "Worker", "Declared", "Received (UTC)", "Anomalies"]
            : ["Number", "Kind", "Status", "Period", "Worker", "Declared", "Received (UTC)", "Anomalies"];
        var table = new TableWriter(headers);
        foreach (var declaration in declarations)
        {
            List<string> cells =
            [
                declaration.DeclarationNumber,
                Words.Of(Words.KindOf(declaration)),
                Words.Of(declaration.Status),
                declaration.PeriodId.Length > 0 ? declaration.PeriodId : "-",
            ];
            if (withEmployer)
            {
                cells.Add(EmployerOf(declaration.Employer));
            }

            cells.Add(WorkerOf(declaration));
            cells.Add(Declared(declaration));
            cells.Add(declaration.ReceiveTime is null
                ? "-"
                : declaration.ReceiveTime.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            cells.Add(string.Join(' ', declaration.Anomalies.Select(anomaly => anomaly.Code)));
            table.Add([.. cells]);
        }

        table.Write(writer);
    }

    /// <summary>What the declaration declares, in a few words: "2030-02-01 to 2030-03-31, STG", "ends 2030-03-31".</summary>
    public static string Declared(Declaration declaration) => declaration.ContentCase switch
    {
        Declaration.ContentOneofCase.DimonaIn => DeclaredIn(declaration.DimonaIn),
        Declaration.ContentOneofCase.DimonaOut => Joined(
            $"ends {declaration.DimonaOut.EndDate}",
            declaration.DimonaOut.EndHour.Length > 0 ? $"at {declaration.DimonaOut.EndHour}" : ""),
        Declaration.ContentOneofCase.DimonaUpdate => DeclaredUpdate(declaration.DimonaUpdate),
        Declaration.ContentOneofCase.DimonaCancel => "cancels the period",
        _ => "unknown type",
    };

    private static string DeclaredIn(DimonaIn dimonaIn)
    {
        var dates = dimonaIn.EndDate.Length == 0 ? $"from {dimonaIn.StartDate}, open-ended"
            : dimonaIn.EndDate == dimonaIn.StartDate ? dimonaIn.StartDate
            : $"{dimonaIn.StartDate} to {dimonaIn.EndDate}";
        return $"{Joined(dates, Words.Hours(dimonaIn.StartHour, dimonaIn.EndHour))}, {Words.CodeOf(dimonaIn.WorkerType)}";
    }

    private static string DeclaredUpdate(DimonaUpdate update)
    {
        var changes = new List<string>();
        if (update.StartDate.Length > 0)
        {
            changes.Add($"start {update.StartDate}");
        }

        if (update.EndDate.Length > 0)
        {
            changes.Add(update.EndDate == DimonaCodes.ReOpenEndDate ? "re-opens" : $"end {update.EndDate}");
        }

        if (Words.Hours(update.StartHour, update.EndHour) is { Length: > 0 } hours)
        {
            changes.Add($"hours {hours}");
        }

        if (update.HasPlannedHours)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"planned {update.PlannedHours} h"));
        }

        return changes.Count > 0 ? string.Join(", ", changes) : "changes nothing";
    }

    private static string Joined(string first, string second) => second.Length > 0 ? $"{first} {second}" : first;

    private static string EmployerOf(EmployerId? employer) => employer?.NumberCase switch
    {
        EmployerId.NumberOneofCase.EnterpriseNumber => employer.EnterpriseNumber,
        EmployerId.NumberOneofCase.OnssNumber => employer.OnssNumber,
        EmployerId.NumberOneofCase.ProvisionalOnssNumber => employer.ProvisionalOnssNumber,
        _ => "-",
    };

    private static string WorkerOf(Declaration declaration)
    {
        var worker = declaration.Worker;
        var given = worker?.IdentityCase switch
        {
            Worker.IdentityOneofCase.Niss => worker.Niss,
            Worker.IdentityOneofCase.Identification =>
                $"{worker.Identification.FamilyName}, {worker.Identification.GivenName} (born {worker.Identification.BirthDate})",
            _ => "-",
        };
        return declaration.IdentifiedNiss.Length > 0 ? $"{given}: {declaration.IdentifiedNiss}" : given;
    }
}
