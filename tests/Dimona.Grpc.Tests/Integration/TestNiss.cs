namespace Dimona.Grpc.Tests.Integration;

/// <summary>Distinct valid NISS numbers for tests that need many workers.</summary>
internal static class TestNiss
{
    /// <summary>The <paramref name="index"/>-th NISS: a birth day from 1950-01-01 on (997 serials each) and its check digits.</summary>
    public static string For(int index)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(index / 997);
        var body = long.Parse($"{birth:yyMMdd}{(index % 997) + 1:D3}", System.Globalization.CultureInfo.InvariantCulture);
        return $"{body:D9}{97 - (body % 97):D2}";
    }
}
