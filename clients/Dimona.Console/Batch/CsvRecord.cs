namespace Dimona.Console.Batch;

/// <summary>
/// One record of a CSV file: the line it starts on, its fields, its text as written (without the line break that
/// ends it), and what is malformed in it, if anything.
/// </summary>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields, string Text, string? Problem = null)
{
    public bool IsBlank => Text.Length == 0;
}
