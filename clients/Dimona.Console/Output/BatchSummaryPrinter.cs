using System.Globalization;
using Dimona.Console.Batch;
using Dimona.Console.Codes;

namespace Dimona.Console.Output;

/// <summary>Prints the end of a batch: how many lines, how many of each status, and where the results are.</summary>
internal static class BatchSummaryPrinter
{
    public static void Print(IReadOnlyList<BatchLineResult> results, string resultsPath, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        fields.Field("Lines", Count(results.Count));
        foreach (var status in DimonaCodes.DeclarationStatuses.Codes)
        {
            fields.Field(Label(status), Count(results.Count(result => result.Status == status)));
        }

        var errors = results.Where(result => result.Status == BatchLineResult.Error).ToList();
        var codes = errors.Select(result => BatchItemError.CodeOf(result.Answer!.Error)).Distinct();
        fields.Field("Errors", Count(errors.Count, $"rejected by the service: {string.Join(", ", codes)}"));
        fields.Field("Invalid lines", Count(results.Count(result => result.Status == BatchLineResult.Invalid), "could not be read"));
        var unanswered = results.Count(result => result.Status is null);
        if (unanswered > 0)
        {
            fields.Field("Not answered", Count(unanswered, "the call failed first; running the same command again is safe"));
        }

        fields.Field("Results", resultsPath);
    }

    // ACCEPTED_WITH_WARNINGS reads "Accepted with warnings".
    private static string Label(string status) =>
        string.Concat(status[..1], status[1..].ToLowerInvariant().Replace('_', ' '));

    private static string Count(int count, string? note = null)
    {
        var text = count.ToString(CultureInfo.InvariantCulture);
        return count > 0 && note is not null ? $"{text,-6} ({note})" : text;
    }
}
