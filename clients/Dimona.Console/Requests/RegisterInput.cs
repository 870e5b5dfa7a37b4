namespace Dimona.Console.Requests;

/// <summary>The options of <c>dimona register</c>, as typed; null means not given.</summary>
internal sealed record RegisterInput
{
    public string? Name { get; init; }
    public string? EnterpriseNumber { get; init; }
    public AddressInput Address { get; init; } = new();

    /// <summary>secured or unsecured; not given means unsecured.</summary>
    public string? Channel { get; init; }
}
