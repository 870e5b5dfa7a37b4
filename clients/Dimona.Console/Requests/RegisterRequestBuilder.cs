using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns the options of <c>dimona register</c> into a <see cref="RegisterEmployerRequest"/>.</summary>
internal static class RegisterRequestBuilder
{
    public const string AddressOptions = "--street, --house-number, [--box], --post-code, --municipality, --country";

    /// <summary>The public path: the employer stays provisional until ONSS confirms it.</summary>
    public const RegistrationChannel DefaultChannel = RegistrationChannel.Unsecured;

    public static RegisterEmployerRequest Build(RegisterInput input)
    {
        if (!input.Name.IsGiven())
        {
            throw new UsageException("--name is required: the employer's registered name");
        }

        if (!input.EnterpriseNumber.IsGiven())
        {
            throw new UsageException("--enterprise-number is required (KBO/BCE, 10 digits)");
        }

        var address = AddressBuilder.Build(input.Address)
            ?? throw new UsageException($"the registered address is required: give {AddressOptions}");
        return new RegisterEmployerRequest
        {
            Name = input.Name,
            EnterpriseNumber = input.EnterpriseNumber,
            Address = address,
            EmployerCategory = input.Category.IsGiven() ? input.Category : string.Empty,
            NaceCodes = { NaceCodes(input.NaceCodes) },
            Channel = input.Channel.IsGiven()
                ? DimonaCodes.RegistrationChannels.Parse(input.Channel, "--channel")
                : DefaultChannel,
        };
    }

    /// <summary>
    /// The activity codes in the order given, each <c>--nace</c> split at its commas, blanks dropped. They are sent as
    /// they are: the service says which one is not 5 digits, or that none is given.
    /// </summary>
    private static IEnumerable<string> NaceCodes(IEnumerable<string> values) =>
        values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
