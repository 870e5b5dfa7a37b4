using Dimona.Console.Requests;

namespace Dimona.Console.Batch;

/// <summary>Reads a batch NDJSON file: one SubmitDeclarationRequest in proto3 JSON per line, read as strictly as <c>submit --file</c>.</summary>
internal static class NdjsonDeclarationReader
{
    public static IEnumerable<BatchLine> Read(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.IsGiven())
            {
                yield return ReadLine(number, text);
            }
        }
    }

    private static BatchLine ReadLine(int number, string text)
    {
        try
        {
            var request = SubmitRequestFile.ParseAsWritten(text, "the line");
            if (request.RequestId.Length == 0)
            {
                request.RequestId = BatchRequestId.For(number, text);
            }

            return BatchLine.Valid(number, request);
        }
        catch (UsageException)
        {
            // Not the parser's words: they quote the offending value, which may be a worker's data.
            return BatchLine.Invalid(number, BatchRequestId.For(number, text), "not a SubmitDeclarationRequest in proto3 JSON");
        }
    }
}
