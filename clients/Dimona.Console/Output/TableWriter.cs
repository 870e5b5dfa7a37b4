namespace Dimona.Console.Output;

/// <summary>Writes rows under a header, each column as wide as its widest cell, two spaces apart.</summary>
internal sealed class TableWriter(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public int Count => rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {headers.Length} columns", nameof(cells));
        }

        rows.Add(cells);
    }

    public void Write(TextWriter writer)
    {
        var widths = headers.Select((header, column) => rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        WriteRow(headers, widths, writer);
        foreach (var row in rows)
        {
            WriteRow(row, widths, writer);
        }
    }

    private static void WriteRow(string[] cells, int[] widths, TextWriter writer) =>
        writer.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
