using System.CommandLine;
using Dimona.Console.Output;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary><c>dimona periods</c>: one page of the employer's Dimona periods, latest start first, with their state and dates.</summary>
internal static class PeriodsCommand
{
    public static Command Create(CommandContext context)
    {
        var employer = new EmployerOptions();
        var worker = TextOption.Create("--worker", "niss", "Only periods of this worker (NISS, 11 digits)");
        var from = TextOption.Create("--from", "yyyy-mm-dd", "Only periods ending on or after this date (an open period always does)");
        var to = TextOption.Create("--to", "yyyy-mm-dd", "Only periods starting on or before this date");
        var paging = new PagingOptions("periods");
        var command = new Command("periods", "List the employer's Dimona periods with their state and dates, latest start first, a page at a time");
        employer.AddTo(command);
        command.Options.Add(worker);
        command.Options.Add(from);
        command.Options.Add(to);
        paging.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = ListRequestBuilder.Periods(new ListInput
            {
                Employer = employer.Read(parseResult),
                Worker = parseResult.GetValue(worker),
                From = parseResult.GetValue(from),
                To = parseResult.GetValue(to),
                PageSize = paging.PageSize(parseResult),
                PageToken = paging.PageToken(parseResult),
            });
            var response = await client.ListPeriodsAsync(request, cancellationToken: cancellationToken);
            if (response.Periods.Count > 0)
            {
                PeriodPrinter.PrintTable(response.Periods, context.Output);
                await context.Output.WriteLineAsync();
            }

            PageFooter.Print(
                $"{PageFooter.Count(response.Periods.Count, "period")}, latest start first",
                response.NextPageToken,
                PagingOptions.CommandLine(parseResult),
                context.Output);
        }));
        return command;
    }
}
