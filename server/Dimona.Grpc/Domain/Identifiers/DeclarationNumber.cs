using System.Diagnostics.CodeAnalysis;

namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>
/// A declaration number: 10 digits followed by (those 10 digits mod 97) as two digits. Every declaration gets its
/// own; the declaration number of an accepted IN is also the id of the period it creates (<see cref="PeriodId"/>).
/// </summary>
public sealed record DeclarationNumber
{
    /// <summary>Smallest 10-digit base, so that every number has 12 significant digits.</summary>
    public const long FirstBase = 1_000_000_000;

    /// <summary>Largest 10-digit base.</summary>
    public const long LastBase = 9_999_999_999;

    private DeclarationNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The number whose first ten digits are <paramref name="base10"/>.</summary>
    public static DeclarationNumber FromBase(long base10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(base10, FirstBase);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(base10, LastBase);
        return new DeclarationNumber($"{base10:D10}{base10 % 97:D2}");
    }

    /// <summary>The first ten digits.</summary>
    public long Base => long.Parse(Value.AsSpan(0, 10));

    public static bool TryParse(string? text, [NotNullWhen(true)] out DeclarationNumber? number, out string error)
    {
        number = TwelveDigits.Check(text, out error) ? new DeclarationNumber(text!) : null;
        return number is not null;
    }

    public override string ToString() => Value;
}

/// <summary>A Dimona period's id: the 12-digit declaration number of the IN that created the period.</summary>
public sealed record PeriodId
{
    private PeriodId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The id of the period an accepted IN creates.</summary>
    public static PeriodId Of(DeclarationNumber @in) => new(@in.Value);

    public static bool TryParse(string? text, [NotNullWhen(true)] out PeriodId? id, out string error)
    {
        id = TwelveDigits.Check(text, out error) ? new PeriodId(text!) : null;
        return id is not null;
    }

    public override string ToString() => Value;
}

/// <summary>The form shared by declaration numbers and period ids: 12 digits, the last two the first ten mod 97.</summary>
internal static class TwelveDigits
{
    public static bool Check(string? text, out string error)
    {
        error = string.IsNullOrEmpty(text) ? "is required"
            : !Digits.Exactly(text, 12) ? "must be 12 digits"
            : long.Parse(text.AsSpan(0, 10)) % 97 != int.Parse(text.AsSpan(10, 2)) ? "check digits do not match"
            : "";
        return error.Length == 0;
    }
}
