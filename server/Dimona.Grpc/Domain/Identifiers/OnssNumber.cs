using System.Diagnostics.CodeAnalysis;

namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>
/// An ONSS (RSZ/NSSO) employer number, definitive (9 digits, 100006..199999934) or provisional
/// (10 digits, 5000000120..5999999989); in both the whole number mod 97 is 96.
/// </summary>
public sealed record OnssNumber
{
    private OnssNumber(string value, bool isProvisional)
    {
        Value = value;
        IsProvisional = isProvisional;
    }

    /// <summary>The digits: 9 for a definitive number, 10 for a provisional one.</summary>
    public string Value { get; }

    public bool IsProvisional { get; }

    public static bool TryParseDefinitive(string? text, [NotNullWhen(true)] out OnssNumber? number, out string error)
    {
        number = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }
        if (text.Length > 9 || !Digits.AreAll(text))
        {
            error = "must be at most 9 digits";
            return false;
        }
        var value = long.Parse(text);
        if (value is < 100006 or > 199999934)
        {
            error = "must be between 100006 and 199999934";
            return false;
        }
        return Checked(value, isProvisional: false, out number, out error);
    }

    public static bool TryParseProvisional(string? text, [NotNullWhen(true)] out OnssNumber? number, out string error)
    {
        number = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }
        if (!Digits.Exactly(text, 10))
        {
            error = "must be 10 digits";
            return false;
        }
        var value = long.Parse(text);
        if (value is < 5000000120 or > 5999999989)
        {
            error = "must be between 5000000120 and 5999999989";
            return false;
        }
        return Checked(value, isProvisional: true, out number, out error);
    }

    /// <summary>A random number of the kind asked for, with valid check digits (the caller makes sure it is free).</summary>
    public static OnssNumber Draw(bool provisional)
    {
        // Valid numbers are 97k + 96 within the range: k from ceil((low - 96) / 97) to floor((high - 96) / 97).
        var (low, high) = provisional ? (5000000120L, 5999999989L) : (100006L, 199999934L);
        var k = Random.Shared.NextInt64((low - 96 + 96) / 97, ((high - 96) / 97) + 1);
        var value = (97 * k) + 96;
        return new OnssNumber(provisional ? value.ToString("D10") : value.ToString("D9"), provisional);
    }

    private static bool Checked(long value, bool isProvisional, out OnssNumber? number, out string error)
    {
        if (value % 97 != 96)
        {
            number = null;
            error = "check digits do not match";
            return false;
        }
        number = new OnssNumber(isProvisional ? value.ToString("D10") : value.ToString("D9"), isProvisional);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
