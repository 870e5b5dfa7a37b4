using System.Globalization;
using Dimona.Grpc.Services;

namespace Dimona.Grpc.Tests.Domain;

/// <summary>The contract's dates and hours are read exactly as the framework's exact parsing reads them.</summary>
public class IsoTextTests
{
    [Theory]
    [InlineData("2026-11-27")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-04-31")]
    [InlineData("2026-4-01")]
    [InlineData("2026/04/01")]
    [InlineData(" 2026-04-01")]
    [InlineData("2026-04-01 ")]
    [InlineData("２０２６-04-01")]
    [InlineData("20260401")]
    [InlineData("")]
    public void TryDate_AnyText_AgreesWithExactParsing(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);

        Assert.Equal((expected, parsed), (IsoText.TryDate(text, out var date), date));
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("2359")]
    [InlineData("0830")]
    [InlineData("2400")]
    [InlineData("1260")]
    [InlineData("830")]
    [InlineData("08:30")]
    [InlineData("08 3")]
    [InlineData("٠٨٣٠")]
    [InlineData("")]
    public void TryHour_AnyText_AgreesWithExactParsing(string text)
    {
        var expected = text.Length == 4 && TimeOnly.TryParseExact(text, "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed : (TimeOnly?)null;

        Assert.Equal(expected, IsoText.TryHour(text, out var hour) ? hour : null);
    }
}
