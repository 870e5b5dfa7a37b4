using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

public class EnterpriseNumberTests
{
    [Theory]
    [InlineData("0403019261")]
    [InlineData("1403019282")]
    public void TryParse_TenDigitsWithGoodCheck_IsValid(string text)
    {
        Assert.True(EnterpriseNumber.TryParse(text, out var number, out var error), error);
        Assert.Equal(text, number.Value);
        Assert.Equal(text, number.ToString());
    }

    [Fact]
    public void TryParse_OldNineDigitForm_IsNormalisedToTenDigits()
    {
        Assert.True(EnterpriseNumber.TryParse("403019261", out var number, out var error), error);
        Assert.Equal("0403019261", number.Value);
    }

    [Fact]
    public void TryParse_OldAndNewForm_AreTheSameNumber()
    {
        Assert.True(EnterpriseNumber.TryParse("403019261", out var old, out _));
        Assert.True(EnterpriseNumber.TryParse("0403019261", out var current, out _));
        Assert.Equal(current, old);
    }

    [Fact]
    public void TryParse_WorkedExampleWithWrongCheck_IsRefused()
    {
        Assert.False(EnterpriseNumber.TryParse("0431150351", out var number, out var error));
        Assert.Null(number);
        Assert.Contains("check digits", error, StringComparison.Ordinal);
    }

    // Each number has correct check digits for its first 8 digits: only the first digit is wrong.
    [Theory]
    [InlineData("2403019206")]
    [InlineData("3403019227")]
    [InlineData("4403019248")]
    [InlineData("5403019269")]
    [InlineData("6403019290")]
    [InlineData("7403019214")]
    [InlineData("8403019235")]
    [InlineData("9403019256")]
    public void TryParse_FirstDigitTwoToNine_IsRefused(string text)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out _, out var error));
        Assert.Contains("starting with 0 or 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("403019262", "check digits")]
    [InlineData("40301926", "10 digits")]
    [InlineData("04030192610", "10 digits")]
    [InlineData("0403.019.261", "10 digits")]
    [InlineData("BE0403019261", "10 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void TryParse_MalformedNumber_IsRefusedWithReason(string? text, string reason)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
