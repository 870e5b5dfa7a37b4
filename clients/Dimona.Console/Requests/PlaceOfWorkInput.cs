namespace Dimona.Console.Requests;

/// <summary>A student's place of work away from the head office, as typed; null means not given.</summary>
internal sealed record PlaceOfWorkInput
{
    public string? Name { get; init; }
    public AddressInput Address { get; init; } = new();
}
