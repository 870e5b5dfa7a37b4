using Dimona.Grpc.Domain.Rules;
using static Dimona.Grpc.Tests.Domain.InChecks;

namespace Dimona.Grpc.Tests.Domain;

public class InCheckTests
{
    [Fact]
    public void Today_IsTheDateOfBrusselsNow() =>
        Assert.Equal(Date("2026-11-27"), Declaring(Ordinary).Check.Today);

    [Fact]
    public void DateLimit_IsFirstJanuaryTenYearsAhead() =>
        Assert.Equal(Date("2036-01-01"), Declaring(Ordinary).Check.DateLimit);

    [Fact]
    public void DateLimit_OnNewYearsEve_StillTheCurrentYearPlusTen() =>
        Assert.Equal(Date("2036-01-01"), (Declaring(Ordinary) with { BrusselsNow = new DateTime(2026, 12, 31, 23, 59, 59) }).Check.DateLimit);

    [Fact]
    public void ToBrussels_SummerEveningUtc_IsNextDayInBrussels() =>
        Assert.Equal(new DateTime(2026, 7, 1, 0, 30, 0), BelgianTime.ToBrussels(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void ToBrussels_WinterEveningUtc_IsNextYearInBrussels() =>
        Assert.Equal(new DateTime(2027, 1, 1, 0, 30, 0), BelgianTime.ToBrussels(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
}
