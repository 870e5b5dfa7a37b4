using System.CommandLine;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona confirm NUMBER</c>: operator confirms a provisional registration and prints the employer with its definitive ONSS number.</summary>
internal static class ConfirmCommand
{
    public static Command Create(CommandContext context)
    {
        var provisionalOnssNumber = new Argument<string>("provisional-onss-number")
        {
            Description = "The provisional ONSS number that register gave, 10 digits starting with 5",
        };
        var command = new Command("confirm", "Operator: confirm a provisional employer registration and issue its definitive ONSS number");
        command.Arguments.Add(provisionalOnssNumber);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = new ConfirmEmployerRegistrationRequest
            {
                ProvisionalOnssNumber = parseResult.GetRequiredValue(provisionalOnssNumber),
            };
            var response = await client.ConfirmEmployerRegistrationAsync(request, cancellationToken: cancellationToken);
            EmployerPrinter.Print(response.Employer, context.Output);
        }));
        return command;
    }
}
