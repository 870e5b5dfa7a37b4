using System.CommandLine;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona period ID</c>: a period as it stands, then every declaration on it, oldest first.</summary>
internal static class PeriodCommand
{
    public static Command Create(CommandContext context)
    {
        var periodId = new Argument<string>("period-id")
        {
            Description = "The 12-digit period id: the declaration number of the Dimona IN that created it",
        };
        var command = new Command("period", "Show a period as it stands, with the history of the declarations on it");
        command.Arguments.Add(periodId);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new GetPeriodRequest { PeriodId = parseResult.GetRequiredValue(periodId) };
            var response = await client.GetPeriodAsync(request, cancellationToken: cancellationToken);
            PeriodPrinter.Print(response.Period, context.Output);
            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync($"History ({PageFooter.Count(response.Declarations.Count, "declaration")}, oldest first):");
            DeclarationTable.Print(response.Declarations, context.Output);
        }));
        return command;
    }
}
