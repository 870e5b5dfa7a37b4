namespace Dimona.Console.Requests;

/// <summary>A postal address typed on the command line; null means not given.</summary>
internal sealed record AddressInput
{
    public string? Street { get; init; }
    public string? HouseNumber { get; init; }
    public string? Box { get; init; }
    public string? PostCode { get; init; }
    public string? Municipality { get; init; }
    public string? Country { get; init; }
}
