using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns address options into the contract's <see cref="Address"/>.</summary>
internal static class AddressBuilder
{
    /// <summary>
    /// The address, or null when no part of it is given. Whatever part is given is sent as is: the service says what
    /// is missing.
    /// </summary>
    public static Address? Build(AddressInput input)
    {
        string?[] fields = [input.Street, input.HouseNumber, input.Box, input.PostCode, input.Municipality, input.Country];
        if (!fields.Any(value => value.IsGiven()))
        {
            return null;
        }

        return new Address
        {
            Street = input.Street ?? string.Empty,
            HouseNumber = input.HouseNumber ?? string.Empty,
            Box = input.Box ?? string.Empty,
            PostCode = input.PostCode ?? string.Empty,
            Municipality = input.Municipality ?? string.Empty,
            Country = input.Country ?? string.Empty,
        };
    }
}
