namespace Dimona.Console.Requests;

/// <summary>The worker typed on the command line: a NISS, or identification data for a worker without one.</summary>
internal sealed record WorkerInput
{
    public string? Niss { get; init; }
    public string? FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    public string? BirthCountry { get; init; }
    public string? Sex { get; init; }
    public string? Nationality { get; init; }
    public AddressInput Address { get; init; } = new();
}
