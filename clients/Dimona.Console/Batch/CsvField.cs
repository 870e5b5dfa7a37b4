namespace Dimona.Console.Batch;

/// <summary>Writes one CSV field as RFC 4180 wants it: quoted, with its quotes doubled, when it holds a comma, quote or line break.</summary>
internal static class CsvField
{
    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Quote(string value) =>
        value.IndexOfAny(NeedQuotes) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Join(IEnumerable<string> values) => string.Join(',', values.Select(Quote));
}
