using System.CommandLine;
using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary>
/// <c>dimona submit</c>: sends a Dimona IN from options, or a declaration of any kind from a JSON file, and prints its
/// result; with --validate-only, the preview of it.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Option<string>("--file")
        {
            Description = "A SubmitDeclarationRequest in proto3 JSON (of any kind), instead of the options below",
            HelpName = "path.json",
        };
        var options = new SubmitOptions();
        var validateOnly = ValidateOnlyOption.Create();
        var command = new Command("submit", "Submit a Dimona IN (or a declaration of any kind from a JSON file) and print its result");
        command.Options.Add(file);
        options.AddTo(command);
        command.Options.Add(validateOnly);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = BuildRequest(parseResult.GetValue(file), options.Read(parseResult));
            if (parseResult.GetValue(validateOnly))
            {
                request.ValidateOnly = true;
            }

            await Submission.SendAsync(client, request, context.Output, cancellationToken);
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
