using System.CommandLine;
using Dimona.Console.Output;
using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary><c>dimona register</c>: registers an employer that has no ONSS number yet (Wide) and prints it with its new number.</summary>
internal static class RegisterCommand
{
    public static Command Create(CommandContext context)
    {
        var name = TextOption.Create("--name", "name", "Registered name, at most 96 characters (required)");
        var enterpriseNumber = TextOption.Create("--enterprise-number", "number", "Enterprise number (KBO/BCE), 10 digits (required)");
        var address = new AddressOptions("--", "Registered address");
        var category = TextOption.Create("--category", "code", "ONSS employer category, 3 digits, e.g. 000 (optional)");
        var nace = new Option<string[]>("--nace")
        {
            Description = "NACE-BEL activity code, 5 digits, e.g. 56101 (required): the main activity first, then up to 9 more, "
                + "by repeating --nace or separated by commas",
            HelpName = "code",
            Arity = ArgumentArity.OneOrMore,
        };
        nace.Validators.Add(result =>
        {
            if (result.Tokens.Count < result.IdentifierTokenCount)
            {
                result.AddError("--nace takes a code each time it is given");
            }
        });
        var channel = TextOption.Create(
            "--channel",
            "unsecured|secured",
            "unsecured (default): a provisional ONSS number until ONSS confirms; secured: definitive at once");
        var command = new Command("register", "Register an employer that has no ONSS number yet (Wide identification)");
        command.Options.Add(name);
        command.Options.Add(enterpriseNumber);
        command.Options.Add(nace);
        command.Options.Add(category);
        foreach (var option in address.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(channel);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var request = RegisterRequestBuilder.Build(new RegisterInput
            {
                Name = parseResult.GetValue(name),
                EnterpriseNumber = parseResult.GetValue(enterpriseNumber),
                Address = address.Read(parseResult),
                Category = parseResult.GetValue(category),
                NaceCodes = parseResult.GetValue(nace) ?? [],
                Channel = parseResult.GetValue(channel),
            });
            var response = await client.RegisterEmployerAsync(request, cancellationToken: cancellationToken);
            EmployerPrinter.Print(response.Employer, context.Output);
            if (response.Employer.RegistrationStatus == RegistrationStatus.Provisional)
            {
                new FieldWriter(context.Output).Field(
                    "Next step", $"ONSS confirms the registration: dimona confirm {response.Employer.ProvisionalOnssNumber}");
            }
        }));
        return command;
    }
}
