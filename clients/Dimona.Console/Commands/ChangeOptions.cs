using System.CommandLine;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary>
/// What <c>dimona out</c>, <c>update</c> and <c>cancel</c> share: the period they change, the request id, the
/// employer, optionally the period's worker, the reference and the preview option.
/// </summary>
internal sealed class ChangeOptions
{
    private readonly Argument<string> periodId = new("period-id")
    {
        Description = "The 12-digit id of the period: the declaration number of the Dimona IN that created it",
    };

    private readonly Option<string> requestId = TextOption.Create("--request-id", "uuid", "Request id that makes a retry safe (default: a new UUID)");
    private readonly EmployerOptions employer = new();
    private readonly Option<string> niss = TextOption.Create(
        "--niss", "niss", "The period's worker, as a check (optional): another worker's NISS refuses the declaration");
    private readonly Option<string> reference = TextOption.Create("--reference", "text", "Employer's own reference, at most 20 characters");
    private readonly Option<bool> validateOnly = ValidateOnlyOption.Create();

    public void AddTo(Command command)
    {
        command.Arguments.Add(periodId);
        command.Options.Add(requestId);
        employer.AddTo(command);
        command.Options.Add(niss);
        command.Options.Add(reference);
        command.Options.Add(validateOnly);
    }

    public SubmitInput Read(ParseResult parseResult, string kind) => new()
    {
        Kind = kind,
        PeriodId = parseResult.GetRequiredValue(periodId),
        RequestId = parseResult.GetValue(requestId),
        Employer = employer.Read(parseResult),
        Worker = new WorkerInput { Niss = parseResult.GetValue(niss) },
        Reference = parseResult.GetValue(reference),
    };

    public bool ValidateOnly(ParseResult parseResult) => parseResult.GetValue(validateOnly);
}
