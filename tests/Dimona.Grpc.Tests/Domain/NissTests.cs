using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

public class NissTests
{
    [Fact]
    public void TryParse_WorkedExampleBornIn1993_IsValid()
    {
        Assert.True(Niss.TryParse("93051822361", out var niss, out var error), error);
        Assert.Equal("93051822361", niss.Value);
        Assert.Equal("", error);
    }

    [Fact]
    public void TryParse_BornFrom2000_IsValidByThe2000Rule()
    {
        // 97 − (010415123 mod 97) = 58, so 87 matches only when computed on 2 010 415 123.
        Assert.NotEqual(87, 97 - (10415123 % 97));
        Assert.True(Niss.TryParse("01041512387", out _, out var error), error);
    }

    [Fact]
    public void TryParse_BornFrom2000WithThePre2000CheckDigits_IsAlsoAccepted() =>
        Assert.True(Niss.TryParse("01041512358", out _, out _));

    [Theory]
    [InlineData("88222999936")] // BIS +20
    [InlineData("08422999977")] // BIS +40, born 2008
    public void TryParse_BisWorkedExample_IsValid(string text) =>
        Assert.True(Niss.TryParse(text, out _, out var error), $"{text}: {error}");

    [Theory]
    [InlineData("93201822369")] // month 05 + 20
    [InlineData("93451822350")] // month 05 + 40
    [InlineData("93200022327")] // BIS +20, month and day unknown (00)
    public void TryParse_BisNumberWithOrdinarySerial_IsValid(string text) =>
        Assert.True(Niss.TryParse(text, out _, out var error), $"{text}: {error}");

    [Theory]
    [InlineData("93051822362", "check digits")]
    [InlineData("01041512386", "check digits")]
    [InlineData("9305182236", "11 digits")]
    [InlineData("930518223611", "11 digits")]
    [InlineData("9305182236A", "11 digits")]
    [InlineData("93.05.18-223.61", "11 digits")]
    [InlineData(" 93051822361", "11 digits")]
    [InlineData("93051800090", "000 or 999")]
    [InlineData("93051899961", "000 or 999")]
    [InlineData("93131822320", "birth date")]
    [InlineData("93053222329", "birth date")]
    [InlineData("93331822363", "birth date")] // month 13 + 20
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void TryParse_InvalidNumber_IsRefusedWithReason(string? text, string reason)
    {
        Assert.False(Niss.TryParse(text, out var niss, out var error));
        Assert.Null(niss);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ValidNumber_RevealsNoDigit()
    {
        Assert.True(Niss.TryParse("93051822361", out var niss, out _));

        Assert.DoesNotContain(niss.ToString(), char.IsAsciiDigit);
    }

    [Fact]
    public void ToString_OfAWorkerHoldingTheNumber_RevealsNoDigit()
    {
        Assert.True(Niss.TryParse("93051822361", out var niss, out _));

        Assert.DoesNotContain(new Worker.Identified(niss).ToString(), char.IsAsciiDigit);
    }
}
