using System.Diagnostics.CodeAnalysis;

namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>
/// A national social-security number (NISS / INSZ / SSIN): 11 digits YYMMDD SSS CC whose check digits
/// CC = 97 − (first 9 digits mod 97), computed on 2 000 000 000 + those digits for people born from 2000.
/// BIS numbers add 20 or 40 to the month. An instance always holds a valid number.
/// </summary>
public sealed record Niss
{
    private Niss(string value) => Value = value;

    /// <summary>The 11 digits. Personal data: never log it.</summary>
    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Niss? niss, out string error)
    {
        niss = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }
        if (!Digits.Exactly(text, 11))
        {
            error = "must be 11 digits (YYMMDDSSSCC)";
            return false;
        }
        var registerMonth = int.Parse(text.AsSpan(2, 2));
        var isBis = registerMonth >= 20;
        var month = registerMonth % 20;
        var day = int.Parse(text.AsSpan(4, 2));
        if (registerMonth >= 60 || month > 12 || day > 31)
        {
            error = "does not start with a birth date YYMMDD";
            return false;
        }
        // The national register never issues serials 000 and 999; BIS numbers do (the documented BIS examples use 999).
        var serial = int.Parse(text.AsSpan(6, 3));
        if (!isBis && serial is 0 or 999)
        {
            error = "has a serial number 000 or 999, which the national register never issues";
            return false;
        }
        var body = long.Parse(text.AsSpan(0, 9));
        var check = int.Parse(text.AsSpan(9, 2));
        if (97 - (body % 97) != check && 97 - ((2_000_000_000 + body) % 97) != check)
        {
            error = "check digits do not match";
            return false;
        }
        niss = new Niss(text);
        error = "";
        return true;
    }

    /// <summary>Keeps the number out of logs and exception messages.</summary>
    public override string ToString() => "Niss(***********)";
}
