namespace Dimona.Console.Requests;

/// <summary>The options of <c>dimona register</c>, as typed; null means not given.</summary>
internal sealed record RegisterInput
{
    public string? Name { get; init; }
    public string? EnterpriseNumber { get; init; }
    public AddressInput Address { get; init; } = new();

    /// <summary>The ONSS employer category, 3 digits; not given means none is sent.</summary>
    public string? Category { get; init; }

    /// <summary>The values of each <c>--nace</c>, in order; each may be one code or several separated by commas.</summary>
    public IReadOnlyList<string> NaceCodes { get; init; } = [];

    /// <summary>secured or unsecured; not given means unsecured.</summary>
    public string? Channel { get; init; }
}
