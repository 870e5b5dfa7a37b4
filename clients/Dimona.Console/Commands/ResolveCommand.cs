using System.CommandLine;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona resolve NUMBER --niss NISS</c>: operator gives a pending declaration its worker's NISS and prints its final result.</summary>
internal static class ResolveCommand
{
    public static Command Create(CommandContext context)
    {
        var declarationNumber = new Argument<string>("declaration-number")
        {
            Description = "The 12-digit number of the pending declaration",
        };
        var niss = new Option<string>("--niss")
        {
            Description = "The NISS or BIS number found for its worker, 11 digits",
            HelpName = "niss",
            Required = true,
        };
        var command = new Command("resolve", "Operator: give a pending declaration its worker's NISS; the rules run again and it gets its final status");
        command.Arguments.Add(declarationNumber);
        command.Options.Add(niss);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new ResolvePendingDeclarationRequest
            {
                DeclarationNumber = parseResult.GetRequiredValue(declarationNumber),
                Niss = parseResult.GetRequiredValue(niss),
            };
            var response = await client.ResolvePendingDeclarationAsync(request, cancellationToken: cancellationToken);
            DeclarationPrinter.PrintResult(response.Declaration, context.Output);
        }));
        return command;
    }
}
