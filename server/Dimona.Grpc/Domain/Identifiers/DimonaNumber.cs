using System.Diagnostics.CodeAnalysis;

namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>
/// The 12-digit form shared by declaration numbers and Dimona period ids: 10 digits followed by
/// (those 10 digits mod 97) as two digits. For a Dimona IN the declaration number is the period id.
/// </summary>
public sealed record DimonaNumber
{
    /// <summary>Smallest 10-digit base, so that every number has 12 significant digits.</summary>
    public const long FirstBase = 1_000_000_000;

    /// <summary>Largest 10-digit base.</summary>
    public const long LastBase = 9_999_999_999;

    private DimonaNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The number whose first ten digits are <paramref name="base10"/>.</summary>
    public static DimonaNumber FromBase(long base10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(base10, FirstBase);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(base10, LastBase);
        return new DimonaNumber($"{base10:D10}{base10 % 97:D2}");
    }

    /// <summary>The first ten digits.</summary>
    public long Base => long.Parse(Value.AsSpan(0, 10));

    public static bool TryParse(string? text, [NotNullWhen(true)] out DimonaNumber? number, out string error)
    {
        number = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }
        if (!Digits.Exactly(text, 12))
        {
            error = "must be 12 digits";
            return false;
        }
        if (long.Parse(text.AsSpan(0, 10)) % 97 != int.Parse(text.AsSpan(10, 2)))
        {
            error = "check digits do not match";
            return false;
        }
        number = new DimonaNumber(text);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
