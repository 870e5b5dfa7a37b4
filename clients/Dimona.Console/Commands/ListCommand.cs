using System.CommandLine;
using Dimona.Console.Codes;
using Dimona.Console.Output;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary><c>dimona list</c>: one page of the employer's personnel file, newest first, filtered, with the command of the next page.</summary>
internal static class ListCommand
{
    public static Command Create(CommandContext context)
    {
        var employer = new EmployerOptions();
        var worker = TextOption.Create("--worker", "niss", "Only declarations about this worker (NISS, 11 digits)");
        var workerType = TextOption.Create(
            "--worker-type", "code", $"Only this worker type: {string.Join(", ", DimonaCodes.WorkerTypes.Codes)}");
        var status = TextOption.Create("--status", "code", $"Only this status: {string.Join(", ", DimonaCodes.DeclarationStatuses.Codes)}");
        var kind = TextOption.Create("--kind", "code", $"Only this kind: {string.Join(", ", DimonaCodes.DeclarationKinds.Codes)}");
        var from = TextOption.Create("--from", "yyyy-mm-dd", "Only declarations whose period ends on or after this date (an open period always does)");
        var to = TextOption.Create("--to", "yyyy-mm-dd", "Only declarations whose period starts on or before this date");
        var paging = new PagingOptions("declarations");
        var command = new Command("list", "List the employer's personnel file: its declarations, newest first, a page at a time");
        employer.AddTo(command);
        Option[] filters = [worker, workerType, status, kind, from, to];
        foreach (var filter in filters)
        {
            command.Options.Add(filter);
        }

        paging.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = ListRequestBuilder.Declarations(new ListInput
            {
                Employer = employer.Read(parseResult),
                Worker = parseResult.GetValue(worker),
                WorkerType = parseResult.GetValue(workerType),
                Status = parseResult.GetValue(status),
                Kind = parseResult.GetValue(kind),
                From = parseResult.GetValue(from),
                To = parseResult.GetValue(to),
                PageSize = paging.PageSize(parseResult),
                PageToken = paging.PageToken(parseResult),
            });
            var response = await client.ListDeclarationsAsync(request, cancellationToken: cancellationToken);
            if (response.Declarations.Count > 0)
            {
                DeclarationTable.Print(response.Declarations, context.Output);
                await context.Output.WriteLineAsync();
            }

            PageFooter.Print(
                $"{PageFooter.Count(response.Declarations.Count, "declaration")}, newest first",
                response.NextPageToken,
                PagingOptions.CommandLine(parseResult),
                context.Output);
        }));
        return command;
    }
}
