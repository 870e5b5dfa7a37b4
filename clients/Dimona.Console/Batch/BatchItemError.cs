using Dimona.Console.Codes;
using Google.Rpc;

namespace Dimona.Console.Batch;

/// <summary>A batch item's error in one line of codes: "INVALID_ARGUMENT INVALID_REQUEST worker.niss", no message, no value.</summary>
internal static class BatchItemError
{
    private static readonly ProtoEnumCodes<Code> Codes = new("");

    public static string Describe(Status status)
    {
        var parts = new List<string> { CodeOf(status) };
        if (status.GetDetail<ErrorInfo>() is { Reason.Length: > 0 } errorInfo)
        {
            parts.Add(errorInfo.Reason);
        }

        if (status.GetDetail<BadRequest>() is { } badRequest)
        {
            parts.AddRange(badRequest.FieldViolations.Select(violation => violation.Field));
        }

        return string.Join(' ', parts);
    }

    public static string CodeOf(Status status) => Codes.CodeOf((Code)status.Code);
}
