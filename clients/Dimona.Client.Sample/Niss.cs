using System.Globalization;

namespace Dimona.Client.Sample;

/// <summary>
/// National register numbers for the sample: a new worker each run, so that its IN never overlaps an earlier one.
/// A NISS is the birth date (YYMMDD), a serial number (001-997) and two check digits: 97 minus the first nine digits
/// modulo 97, with a 2 put before them for a birth from 2000 on.
/// </summary>
public static class Niss
{
    /// <summary>A valid NISS of someone born between 1960 and 1999.</summary>
    public static string Random()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(System.Random.Shared.Next(40 * 365));
        var serial = System.Random.Shared.Next(1, 998);
        var first = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{serial:000}");
        return first + (97 - long.Parse(first, CultureInfo.InvariantCulture) % 97).ToString("00", CultureInfo.InvariantCulture);
    }
}
