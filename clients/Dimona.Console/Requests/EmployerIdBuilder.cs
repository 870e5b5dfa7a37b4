using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns the employer options into the contract's <see cref="EmployerId"/>.</summary>
internal static class EmployerIdBuilder
{
    public const string Options = "--enterprise-number, --onss-number or --provisional-onss-number";

    public static EmployerId Build(EmployerInput input)
    {
        var given = new[] { input.EnterpriseNumber, input.OnssNumber, input.ProvisionalOnssNumber }
            .Count(number => number.IsGiven());
        if (given == 0)
        {
            throw new UsageException($"the employer is required: give one of {Options}");
        }

        if (given > 1)
        {
            throw new UsageException($"give only one of {Options}");
        }

        if (input.EnterpriseNumber.IsGiven())
        {
            return new EmployerId { EnterpriseNumber = input.EnterpriseNumber };
        }

        if (input.OnssNumber.IsGiven())
        {
            return new EmployerId { OnssNumber = input.OnssNumber };
        }

        return new EmployerId { ProvisionalOnssNumber = input.ProvisionalOnssNumber };
    }
}
