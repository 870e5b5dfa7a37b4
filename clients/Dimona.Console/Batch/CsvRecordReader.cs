using System.Text;

namespace Dimona.Console.Batch;

/// <summary>
/// Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF; a field in double quotes may
/// hold commas, line breaks and doubled quotes. A malformed record is still returned, with its problem.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private const char Quote = '"';
    private int nextLine = 1;

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var lineNumber = nextLine;
        var fields = new List<string>();
        var field = new StringBuilder();
        var text = new StringBuilder();
        string? problem = null;
        var inQuotes = false;
        var afterQuotes = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (inQuotes)
                {
                    problem ??= "a quoted field is not closed before the end of the file";
                }

                break;
            }

            var c = (char)next;
            if (inQuotes)
            {
                text.Append(c);
                if (c != Quote)
                {
                    nextLine += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                else if (reader.Peek() == Quote)
                {
                    text.Append((char)reader.Read());
                    field.Append(Quote);
                }
                else
                {
                    inQuotes = false;
                    afterQuotes = true;
                }

                continue;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                nextLine++;
                break;
            }

            text.Append(c);
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                afterQuotes = false;
            }
            else if (c == Quote && field.Length == 0 && !afterQuotes)
            {
                inQuotes = true;
            }
            else
            {
                if (afterQuotes || c == Quote)
                {
                    problem ??= $"field {fields.Count + 1} has a quote that does not enclose the whole field";
                }

                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return new CsvRecord(lineNumber, fields, text.ToString(), problem);
    }
}
