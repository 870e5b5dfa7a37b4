using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

public class OnssNumberTests
{
    [Theory]
    [InlineData("175110801")]
    [InlineData("125482497")]
    [InlineData("199999934")]
    public void TryParseDefinitive_NineDigitsWithGoodCheck_IsValid(string text)
    {
        Assert.True(OnssNumber.TryParseDefinitive(text, out var number, out var error), error);
        Assert.Equal(text, number.Value);
        Assert.False(number.IsProvisional);
    }

    [Fact]
    public void TryParseDefinitive_LowerBound_IsValidAndPaddedToNineDigits()
    {
        Assert.True(OnssNumber.TryParseDefinitive("100006", out var number, out var error), error);
        Assert.Equal("000100006", number.Value);
    }

    // Both numbers are ≡ 96 (mod 97): only the range refuses them.
    [Theory]
    [InlineData("99909")]
    [InlineData("200000031")]
    public void TryParseDefinitive_JustOutsideTheBounds_IsRefused(string text)
    {
        Assert.False(OnssNumber.TryParseDefinitive(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains("between 100006 and 199999934", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("175110802", "check digits")]
    [InlineData("125482496", "check digits")]
    [InlineData("5123456773", "at most 9 digits")]
    [InlineData("17511080A", "at most 9 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void TryParseDefinitive_MalformedNumber_IsRefusedWithReason(string? text, string reason)
    {
        Assert.False(OnssNumber.TryParseDefinitive(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5123456773")]
    [InlineData("5000000120")]
    [InlineData("5999999989")]
    public void TryParseProvisional_TenDigitsInRangeWithGoodCheck_IsValid(string text)
    {
        Assert.True(OnssNumber.TryParseProvisional(text, out var number, out var error), error);
        Assert.Equal(text, number.Value);
        Assert.True(number.IsProvisional);
    }

    // Both numbers are ≡ 96 (mod 97): only the range refuses them.
    [Theory]
    [InlineData("5000000023")]
    [InlineData("6000000086")]
    public void TryParseProvisional_JustOutsideTheRange_IsRefused(string text)
    {
        Assert.False(OnssNumber.TryParseProvisional(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains("between 5000000120 and 5999999989", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5123456774", "check digits")]
    [InlineData("175110801", "10 digits")]
    [InlineData("51234567730", "10 digits")]
    [InlineData("512345677A", "10 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void TryParseProvisional_MalformedNumber_IsRefusedWithReason(string? text, string reason)
    {
        Assert.False(OnssNumber.TryParseProvisional(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
