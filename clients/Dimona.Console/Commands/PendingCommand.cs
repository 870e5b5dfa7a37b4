using System.CommandLine;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona pending</c>: operator's list of the declarations waiting for their worker's NISS, oldest first, across employers.</summary>
internal static class PendingCommand
{
    public static Command Create(CommandContext context)
    {
        var paging = new PagingOptions("declarations");
        var command = new Command("pending", "Operator: list the declarations made without a NISS that wait for one, oldest first, a page at a time");
        paging.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new ListPendingDeclarationsRequest
            {
                PageSize = paging.PageSize(parseResult) ?? 0,
                PageToken = paging.PageToken(parseResult) ?? string.Empty,
            };
            var response = await client.ListPendingDeclarationsAsync(request, cancellationToken: cancellationToken);
            if (response.Declarations.Count > 0)
            {
                DeclarationTable.Print(response.Declarations, context.Output, withEmployer: true);
                await context.Output.WriteLineAsync();
            }

            PageFooter.Print(
                $"{PageFooter.Count(response.Declarations.Count, "pending declaration")}, oldest first",
                response.NextPageToken,
                PagingOptions.CommandLine(parseResult),
                context.Output);
        }));
        return command;
    }
}
