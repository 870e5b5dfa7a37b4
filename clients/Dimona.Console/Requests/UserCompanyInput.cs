namespace Dimona.Console.Requests;

/// <summary>The user company of a temporary agency worker, as typed: its enterprise number, or its name and address.</summary>
internal sealed record UserCompanyInput
{
    public string? EnterpriseNumber { get; init; }
    public string? Name { get; init; }
    public AddressInput Address { get; init; } = new();
}
