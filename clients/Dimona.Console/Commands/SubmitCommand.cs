using System.CommandLine;
using Dimona.Console.Output;
using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona submit</c>: sends a Dimona IN, from a JSON file or from options, and prints its result.</summary>
internal static class SubmitCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Option<string>("--file")
        {
            Description = "A SubmitDeclarationRequest in proto3 JSON, instead of the options below",
            HelpName = "path.json",
        };
        var options = new SubmitOptions();
        var command = new Command("submit", "Submit a Dimona IN and print its result");
        command.Options.Add(file);
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = BuildRequest(parseResult.GetValue(file), options.Read(parseResult));
            var response = await client.SubmitDeclarationAsync(request, cancellationToken: cancellationToken);
            DeclarationPrinter.PrintResult(response.Declaration, context.Output);
        }));
        return command;
    }

    private static SubmitDeclarationRequest BuildRequest(string? file, SubmitInput input)
    {
        if (file is null)
        {
            return SubmitRequestBuilder.Build(input);
        }

        if (input != SubmitInput.None)
        {
            throw new UsageException("--file cannot be combined with other submit options: put everything in the file");
        }

        return SubmitRequestFile.Load(file);
    }
}
