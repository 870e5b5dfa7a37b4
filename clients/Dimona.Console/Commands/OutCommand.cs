using System.CommandLine;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary><c>dimona out PERIOD-ID</c>: sends a Dimona OUT, which closes an open period, and prints its result.</summary>
internal static class OutCommand
{
    public static Command Create(CommandContext context)
    {
        var change = new ChangeOptions();
        var endDate = TextOption.Create("--end-date", "yyyy-mm-dd", "Last day of work (required)");
        var endHour = TextOption.Create("--end-hour", "hhmm", "End hour, e.g. 1700");
        var command = new Command("out", "Submit a Dimona OUT: close an open period on its last day of work");
        change.AddTo(command);
        command.Options.Add(endDate);
        command.Options.Add(endHour);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var input = change.Read(parseResult, "OUT") with
            {
                EndDate = parseResult.GetValue(endDate),
                EndHour = parseResult.GetValue(endHour),
            };
            var request = SubmitRequestBuilder.Build(input);
            request.ValidateOnly = change.ValidateOnly(parseResult);
            await Submission.SendAsync(client, request, context.Output, cancellationToken);
        }));
        return command;
    }
}
