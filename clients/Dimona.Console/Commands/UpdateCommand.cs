using System.CommandLine;
using Dimona.Console.Codes;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary><c>dimona update PERIOD-ID</c>: sends a Dimona UPDATE, which changes a period's dates or hours, and prints its result.</summary>
internal static class UpdateCommand
{
    public static Command Create(CommandContext context)
    {
        var change = new ChangeOptions();
        var startDate = TextOption.Create(
            "--start-date", "yyyy-mm-dd", "New first day of work. Give a start or an end date: the current one to change only hours");
        var endDate = TextOption.Create(
            "--end-date", "yyyy-mm-dd", $"New last day of work; {DimonaCodes.ReOpenEndDate} removes the end date and re-opens the period");
        var startHour = TextOption.Create("--start-hour", "hhmm", "New start hour, e.g. 0800");
        var endHour = TextOption.Create("--end-hour", "hhmm", "New end hour, e.g. 1700");
        var plannedHours = new Option<int?>("--planned-hours")
        {
            Description = "New planned hours, 1 to 999 (STU, O17 and S17 only)",
            HelpName = "hours",
        };
        var command = new Command("update", "Submit a Dimona UPDATE: change a period's dates, hours or planned hours");
        change.AddTo(command);
        command.Options.Add(startDate);
        command.Options.Add(endDate);
        command.Options.Add(startHour);
        command.Options.Add(endHour);
        command.Options.Add(plannedHours);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var input = change.Read(parseResult, "UPDATE") with
            {
                StartDate = parseResult.GetValue(startDate),
                EndDate = parseResult.GetValue(endDate),
                StartHour = parseResult.GetValue(startHour),
                EndHour = parseResult.GetValue(endHour),
                PlannedHours = parseResult.GetValue(plannedHours),
            };
            var request = SubmitRequestBuilder.Build(input);
            request.ValidateOnly = change.ValidateOnly(parseResult);
            await Submission.SendAsync(client, request, context.Output, cancellationToken);
        }));
        return command;
    }
}
