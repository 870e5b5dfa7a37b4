using System.Diagnostics.CodeAnalysis;

namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>
/// An enterprise number (KBO/BCE): 10 digits starting with 0 or 1 whose last two digits are
/// 97 − (first 8 digits mod 97). The old 9-digit form is read as the same number with a leading 0.
/// </summary>
public sealed record EnterpriseNumber
{
    private EnterpriseNumber(string value) => Value = value;

    /// <summary>The 10 digits.</summary>
    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out EnterpriseNumber? number, out string error)
    {
        number = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }
        if (Digits.Exactly(text, 9))
        {
            text = "0" + text;
        }
        if (!Digits.Exactly(text, 10) || text[0] is not ('0' or '1'))
        {
            error = "must be 10 digits starting with 0 or 1";
            return false;
        }
        var body = long.Parse(text.AsSpan(0, 8));
        if (97 - (body % 97) != int.Parse(text.AsSpan(8, 2)))
        {
            error = "check digits do not match";
            return false;
        }
        number = new EnterpriseNumber(text);
        error = "";
        return true;
    }

    public override string ToString() => Value;
}
