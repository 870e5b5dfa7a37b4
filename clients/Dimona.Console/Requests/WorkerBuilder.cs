using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns the worker options into the contract's <see cref="Worker"/>: a NISS or identification data.</summary>
internal static class WorkerBuilder
{
    public const string IdentificationOptions =
        "--family-name, --given-name, --birth-date, --birth-place, --birth-country, --sex, --nationality, "
        + "--street, --house-number, --box, --post-code, --municipality, --country";

    public static Worker Build(WorkerInput input)
    {
        var identification = BuildIdentification(input);
        if (input.Niss.IsGiven())
        {
            if (identification is not null)
            {
                throw new UsageException("give either --niss or the worker's identification, not both");
            }

            return new Worker { Niss = input.Niss };
        }

        if (identification is null)
        {
            throw new UsageException(
                $"the worker is required: give --niss, or for a worker without a NISS {IdentificationOptions}");
        }

        return new Worker { Identification = identification };
    }

    // Whatever part of the identification is given is sent as is: the service says what is missing.
    private static WorkerIdentification? BuildIdentification(WorkerInput input)
    {
        string?[] person =
        [
            input.FamilyName, input.GivenName, input.BirthDate, input.BirthPlace,
            input.BirthCountry, input.Sex, input.Nationality,
        ];
        var address = AddressBuilder.Build(input.Address);
        if (address is null && !person.Any(value => value.IsGiven()))
        {
            return null;
        }

        var identification = new WorkerIdentification
        {
            FamilyName = input.FamilyName ?? string.Empty,
            GivenName = input.GivenName ?? string.Empty,
            BirthDate = input.BirthDate ?? string.Empty,
            BirthPlace = input.BirthPlace ?? string.Empty,
            BirthCountry = input.BirthCountry ?? string.Empty,
            Sex = input.Sex.IsGiven() ? DimonaCodes.Sexes.Parse(input.Sex, "--sex") : Sex.Unspecified,
            Nationality = input.Nationality ?? string.Empty,
        };
        if (address is not null)
        {
            identification.Address = address;
        }

        return identification;
    }
}
