using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Batch;

/// <summary>A batch line and the service's answer to it: none when the line was invalid or the call failed before.</summary>
internal sealed record BatchLineResult(BatchLine Line, BatchItemResult? Answer)
{
    public const string Invalid = "INVALID";
    public const string Error = "ERROR";

    /// <summary>A declaration status code (ACCEPTED...), <see cref="Error"/> or <see cref="Invalid"/>; null when not answered.</summary>
    public string? Status => Line.Problem is not null ? Invalid
        : Answer is null ? null
        : Answer.ResultCase == BatchItemResult.ResultOneofCase.Error ? Error
        : DimonaCodes.DeclarationStatuses.CodeOf(Answer.Declaration.Status);

    /// <summary>Pairs the answers, given in the order of the valid lines, with their lines.</summary>
    public static IReadOnlyList<BatchLineResult> Match(IReadOnlyList<BatchLine> lines, IReadOnlyList<BatchItemResult> answers)
    {
        var next = 0;
        return
        [
            .. lines.Select(line => new BatchLineResult(
                line,
                line.Request is not null && next < answers.Count ? answers[next++] : null)),
        ];
    }
}
