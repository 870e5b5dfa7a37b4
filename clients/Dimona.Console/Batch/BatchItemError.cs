using Dimona.Client;
using Dimona.Console.Codes;
using Google.Rpc;

namespace Dimona.Console.Batch;

/// <summary>A batch item's error in one line of codes: "INVALID_ARGUMENT INVALID_REQUEST worker.niss", no message, no value.</summary>
internal static class BatchItemError
{
    private static readonly ProtoEnumCodes<Code> Codes = new("");

    public static string Describe(Status status)
    {
        var error = DimonaError.From(status);
        var parts = new List<string> { CodeOf(status) };
        if (error.Reason is { Length: > 0 } reason)
        {
            parts.Add(reason);
        }

        parts.AddRange(error.FieldErrors.Select(field => field.Field));
        return string.Join(' ', parts);
    }

    public static string CodeOf(Status status) => Codes.CodeOf((Code)status.Code);
}
