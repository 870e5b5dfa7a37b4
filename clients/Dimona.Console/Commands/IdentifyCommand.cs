using System.CommandLine;
using Dimona.Console.Output;
using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona identify</c>: looks an employer up by one of its numbers.</summary>
internal static class IdentifyCommand
{
    public static Command Create(CommandContext context)
    {
        var employer = new EmployerOptions();
        var command = new Command("identify", "Look an employer up by enterprise number, ONSS number or provisional ONSS number");
        employer.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new IdentifyEmployerRequest { Employer = EmployerIdBuilder.Build(employer.Read(parseResult)) };
            var response = await client.IdentifyEmployerAsync(request, cancellationToken: cancellationToken);
            EmployerPrinter.Print(response.Employer, context.Output);
        }));
        return command;
    }
}
