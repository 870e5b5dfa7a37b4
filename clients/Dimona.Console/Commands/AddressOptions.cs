using System.CommandLine;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary>The six options of an address, their names starting with the same prefix: --user-company-street...</summary>
internal sealed class AddressOptions(string prefix, string whose)
{
    private readonly Option<string> street = TextOption.Create($"{prefix}street", "street", $"{whose}: street");
    private readonly Option<string> houseNumber = TextOption.Create($"{prefix}house-number", "number", $"{whose}: house number");
    private readonly Option<string> box = TextOption.Create($"{prefix}box", "box", $"{whose}: box (optional)");
    private readonly Option<string> postCode = TextOption.Create($"{prefix}post-code", "code", $"{whose}: post code");
    private readonly Option<string> municipality = TextOption.Create($"{prefix}municipality", "name", $"{whose}: municipality");
    private readonly Option<string> country = TextOption.Create($"{prefix}country", "cc", $"{whose}: country, ISO code, e.g. BE");

    public IEnumerable<Option> All => [street, houseNumber, box, postCode, municipality, country];

    public AddressInput Read(ParseResult parseResult) => new()
    {
        Street = parseResult.GetValue(street),
        HouseNumber = parseResult.GetValue(houseNumber),
        Box = parseResult.GetValue(box),
        PostCode = parseResult.GetValue(postCode),
        Municipality = parseResult.GetValue(municipality),
        Country = parseResult.GetValue(country),
    };
}
