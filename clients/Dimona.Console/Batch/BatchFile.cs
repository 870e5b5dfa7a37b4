namespace Dimona.Console.Batch;

/// <summary>Reads the declarations of a batch file, in the format its extension names.</summary>
internal static class BatchFile
{
    public static IReadOnlyList<BatchLine> Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".ndjson" or ".jsonl"))
        {
            throw new UsageException($"{path}: the file name must end in .csv, or in .ndjson or .jsonl for one JSON request per line");
        }

        try
        {
            using var reader = new StreamReader(path);
            return extension == ".csv"
                ? [.. CsvDeclarationReader.Read(reader, path)]
                : [.. NdjsonDeclarationReader.Read(reader)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {exception.Message}");
        }
    }
}
