using System.Globalization;

namespace Dimona.Console.Batch;

/// <summary>
/// The results file of a batch: one CSV line per answered or invalid input line, with numbers, codes and statuses
/// only, never the worker's data.
/// </summary>
internal static class BatchResultsFile
{
    public const string Header = "line,request_id,declaration_number,status,anomaly_codes,error";

    public static string DefaultPath(string inputPath) => inputPath + ".results.csv";

    /// <summary>Opens the file before anything is sent, so that a path that cannot be written is a usage error.</summary>
    public static StreamWriter Create(string path)
    {
        try
        {
            return new StreamWriter(path, append: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the results to {path}: {exception.Message}");
        }
    }

    public static void Write(IEnumerable<BatchLineResult> results, TextWriter writer)
    {
        writer.WriteLine(Header);
        foreach (var result in results.Where(result => result.Status is not null))
        {
            writer.WriteLine(CsvField.Join(Fields(result)));
        }
    }

    private static string[] Fields(BatchLineResult result)
    {
        var declaration = result.Answer?.Declaration;
        var error = result.Line.Problem ?? (result.Answer?.Error is { } status ? BatchItemError.Describe(status) : "");
        return
        [
            result.Line.Number.ToString(CultureInfo.InvariantCulture),
            result.Line.RequestId,
            declaration?.DeclarationNumber ?? "",
            result.Status!,
            declaration is null ? "" : string.Join(' ', declaration.Anomalies.Select(anomaly => anomaly.Code)),
            error,
        ];
    }
}
