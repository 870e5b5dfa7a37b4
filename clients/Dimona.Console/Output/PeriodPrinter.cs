using System.Globalization;
using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>Prints Dimona periods: one in full for <c>dimona period</c>, many one line each for <c>dimona periods</c>.</summary>
internal static class PeriodPrinter
{
    public static void Print(Period period, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        fields.Field("Period id", period.PeriodId);
        fields.Field("State", Words.Of(period.State));
        fields.Field("Employer", period.Employer is null ? "not given" : Words.Of(period.Employer));
        fields.Field("Worker", $"NISS {period.WorkerNiss}");
        fields.Field("Start date", period.StartDate);
        fields.Field("End date", period.EndDate.Length > 0 ? period.EndDate : "(open-ended)");
        fields.FieldIfGiven("Start hour", period.StartHour);
        fields.FieldIfGiven("End hour", period.EndHour);
        fields.Field("Joint committee", period.JointCommittee);
        fields.Field("Worker type", Words.Of(period.WorkerType));
        if (period.HasPlannedHours)
        {
            fields.Field("Planned hours", period.PlannedHours.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static void PrintTable(IEnumerable<Period> periods, TextWriter writer)
    {
        var table = new TableWriter("Period", "State", "Worker", "Type", "Committee", "Start", "End", "Hours", "Planned");
        foreach (var period in periods)
        {
            table.Add(
                period.PeriodId,
                Words.Of(period.State),
                period.WorkerNiss,
                Words.CodeOf(period.WorkerType),
                period.JointCommittee,
                period.StartDate,
                period.EndDate.Length > 0 ? period.EndDate : "open",
                Words.Hours(period.StartHour, period.EndHour) is { Length: > 0 } hours ? hours : "-",
                period.HasPlannedHours ? period.PlannedHours.ToString(CultureInfo.InvariantCulture) : "-");
        }

        table.Write(writer);
    }
}
