using System.CommandLine;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary><c>dimona cancel PERIOD-ID</c>: sends a Dimona CANCEL, which annuls a period, and prints its result.</summary>
internal static class CancelCommand
{
    public static Command Create(CommandContext context)
    {
        var change = new ChangeOptions();
        var command = new Command("cancel", "Submit a Dimona CANCEL: annul a period as if it had never been declared");
        change.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = SubmitRequestBuilder.Build(change.Read(parseResult, "CANCEL"));
            request.ValidateOnly = change.ValidateOnly(parseResult);
            await Submission.SendAsync(client, request, context.Output, cancellationToken);
        }));
        return command;
    }
}
