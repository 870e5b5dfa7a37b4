using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Dimona.Client;

/// <summary>
/// A failed call or batch item, read: its status code and message, the <c>ErrorInfo</c> reason the service gives
/// every error it foresaw (<c>INVALID_REQUEST</c>, <c>EMPLOYER_NOT_FOUND</c>, <c>REQUEST_ID_REUSED</c>, …), and for
/// <c>INVALID_ARGUMENT</c> every bad field the <c>BadRequest</c> names.
/// </summary>
public sealed record DimonaError(StatusCode Code, string Message, string? Reason, IReadOnlyList<FieldError> FieldErrors)
{
    /// <summary>Reads a failed call; an error without rich details (one from the network, say) has no reason or fields.</summary>
    public static DimonaError From(RpcException exception) =>
        exception.GetRpcStatus() is { } status
            ? From(status)
            : new DimonaError(exception.StatusCode, exception.Status.Detail, null, []);

    /// <summary>Reads a <c>google.rpc.Status</c>: a batch item's error, or a call's rich status.</summary>
    public static DimonaError From(RpcStatus status) => new(
        (StatusCode)status.Code,
        status.Message,
        status.GetDetail<ErrorInfo>()?.Reason,
        status.GetDetail<BadRequest>()?.FieldViolations.Select(violation => new FieldError(violation.Field, violation.Description)).ToList() ?? []);

    /// <summary>One line for the status, then one per reason and bad field, indented.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string> { $"{Code}: {OneLine(Message)}" };
        if (Reason is not null)
        {
            lines.Add($"  reason: {Reason}");
        }

        lines.AddRange(FieldErrors.Select(error => $"  {error.Field}: {OneLine(error.Description)}"));
        return lines;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Lines());

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}

/// <summary>A field the service found bad, by its proto path (<c>worker.niss</c>), and why.</summary>
public sealed record FieldError(string Field, string Description);
