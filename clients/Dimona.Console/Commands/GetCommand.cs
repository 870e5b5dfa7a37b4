using System.CommandLine;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona get NUMBER</c>: shows a stored declaration as received, with its result.</summary>
internal static class GetCommand
{
    public static Command Create(CommandContext context)
    {
        var declarationNumber = new Argument<string>("declaration-number")
        {
            Description = "The 12-digit declaration number given by submit",
        };
        var command = new Command("get", "Show a declaration as received, with its result");
        command.Arguments.Add(declarationNumber);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new GetDeclarationRequest { DeclarationNumber = parseResult.GetRequiredValue(declarationNumber) };
            var response = await client.GetDeclarationAsync(request, cancellationToken: cancellationToken);
            DeclarationPrinter.PrintDeclaration(response.Declaration, context.Output);
        }));
        return command;
    }
}
