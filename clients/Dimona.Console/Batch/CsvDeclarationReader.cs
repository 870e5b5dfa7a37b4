using Dimona.Console.Requests;

namespace Dimona.Console.Batch;

/// <summary>
/// Reads a batch CSV file: a header line naming the columns (any of <see cref="DeclarationColumns"/>, in any order),
/// then one declaration per line of the kind its <c>kind</c> column names (IN when there is none or it is empty), built
/// as <c>dimona submit</c>, <c>out</c>, <c>update</c> and <c>cancel</c> build it from the same options.
/// An empty value counts as not given.
/// </summary>
internal static class CsvDeclarationReader
{
    public static IEnumerable<BatchLine> Read(TextReader reader, string source)
    {
        using var records = new CsvRecordReader(reader).ReadAll().GetEnumerator();
        var columns = ReadHeader(records.MoveNext() ? records.Current : null, source);
        while (records.MoveNext())
        {
            if (!records.Current.IsBlank)
            {
                yield return ReadLine(records.Current, columns);
            }
        }
    }

    private static Func<SubmitInput, string, SubmitInput>[] ReadHeader(CsvRecord? header, string source)
    {
        if (header is null || header.IsBlank)
        {
            throw new UsageException($"{source}: the first line must name the columns, e.g. enterprise_number,niss,start_date");
        }

        if (header.Problem is not null)
        {
            throw new UsageException($"{source}: the header line is not valid CSV: {header.Problem}");
        }

        var names = header.Fields.Select(name => name.Trim()).ToList();
        var duplicate = names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"{source}: the column '{duplicate.Key}' appears twice in the header");
        }

        return [.. names.Select(name => DeclarationColumns.Find(name) ?? throw new UsageException(
            $"{source}: unknown column '{name}' in the header; the columns are {string.Join(", ", DeclarationColumns.Names)}"))];
    }

    private static BatchLine ReadLine(CsvRecord record, Func<SubmitInput, string, SubmitInput>[] columns)
    {
        var derivedId = BatchRequestId.For(record.LineNumber, record.Text);
        if (record.Problem is not null)
        {
            return BatchLine.Invalid(record.LineNumber, derivedId, $"not valid CSV: {record.Problem}");
        }

        if (record.Fields.Count != columns.Length)
        {
            return BatchLine.Invalid(record.LineNumber, derivedId, $"{record.Fields.Count} fields where the header names {columns.Length}");
        }

        var input = new SubmitInput();
        try
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (record.Fields[i].Length > 0)
                {
                    input = columns[i](input, record.Fields[i]);
                }
            }

            if (!input.RequestId.IsGiven())
            {
                input = input with { RequestId = derivedId };
            }

            return BatchLine.Valid(record.LineNumber, SubmitRequestBuilder.Build(input));
        }
        catch (UsageException exception)
        {
            return BatchLine.Invalid(record.LineNumber, input.RequestId.IsGiven() ? input.RequestId : derivedId, DeclarationColumns.InColumnWords(exception.Message));
        }
    }
}
