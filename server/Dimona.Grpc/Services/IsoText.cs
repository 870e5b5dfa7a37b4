namespace Dimona.Grpc.Services;

/// <summary>
/// The contract's civil dates (YYYY-MM-DD) and hours (HHMM), read by hand: they are in every declaration, and the
/// framework's culture-aware exact parsing cost a fifth of the request check's time.
/// </summary>
internal static class IsoText
{
    /// <summary>A date YYYY-MM-DD that exists (year 0001 to 9999).</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>An hour HHMM from 0000 to 2359.</summary>
    public static bool TryHour(string text, out TimeOnly hour)
    {
        hour = default;
        if (text.Length != 4 || !TryDigits(text, 0, 2, out var h) || !TryDigits(text, 2, 2, out var m) || h > 23 || m > 59)
        {
            return false;
        }
        hour = new TimeOnly(h, m);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
            value = (value * 10) + (text[i] - '0');
        }
        return true;
    }
}
