using System.CommandLine;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary>--enterprise-number, --onss-number and --provisional-onss-number, of which exactly one is given.</summary>
internal sealed class EmployerOptions
{
    private readonly Option<string> enterpriseNumber = new("--enterprise-number")
    {
        Description = "Employer's enterprise number (KBO/BCE), 10 digits, e.g. 0403019261",
        HelpName = "number",
    };

    private readonly Option<string> onssNumber = new("--onss-number")
    {
        Description = "Employer's definitive ONSS number, 9 digits",
        HelpName = "number",
    };

    private readonly Option<string> provisionalOnssNumber = new("--provisional-onss-number")
    {
        Description = "Employer's provisional ONSS number, 10 digits starting with 5",
        HelpName = "number",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(enterpriseNumber);
        command.Options.Add(onssNumber);
        command.Options.Add(provisionalOnssNumber);
    }

    public EmployerInput Read(ParseResult parseResult) => new(
        parseResult.GetValue(enterpriseNumber),
        parseResult.GetValue(onssNumber),
        parseResult.GetValue(provisionalOnssNumber));
}
