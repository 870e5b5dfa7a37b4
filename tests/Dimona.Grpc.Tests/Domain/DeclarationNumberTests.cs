using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

public class DeclarationNumberTests
{
    private const string WorkedExample = "658690837083";

    [Fact]
    public void TryParse_WorkedExample_IsValid()
    {
        Assert.True(DeclarationNumber.TryParse(WorkedExample, out var number, out var error), error);
        Assert.Equal(WorkedExample, number.Value);
        Assert.Equal(6586908370, number.Base);
    }

    [Fact]
    public void FromBase_WorkedExampleBase_GivesTheWorkedExample() =>
        Assert.Equal(WorkedExample, DeclarationNumber.FromBase(6586908370).Value);

    [Theory]
    [InlineData(DeclarationNumber.FirstBase)]
    [InlineData(1234567890)]
    [InlineData(9999999999)]
    public void FromBase_AnyBase_RoundTripsThroughTryParse(long base10)
    {
        var number = DeclarationNumber.FromBase(base10);

        Assert.True(DeclarationNumber.TryParse(number.Value, out var parsed, out var error), error);
        Assert.Equal(number, parsed);
        Assert.Equal(base10, parsed.Base);
        Assert.Equal(12, parsed.Value.Length);
    }

    [Theory]
    [InlineData(DeclarationNumber.FirstBase - 1)]
    [InlineData(10_000_000_000)]
    public void FromBase_BaseNotTenDigits_Throws(long base10) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeclarationNumber.FromBase(base10));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    public void TryParse_OneDigitChanged_IsRefused(int position)
    {
        var digits = WorkedExample.ToCharArray();
        digits[position] = (char)('0' + ((digits[position] - '0' + 1) % 10));

        Assert.False(DeclarationNumber.TryParse(new string(digits), out var number, out var error));
        Assert.Null(number);
        Assert.Contains("check digits", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65869083708", "12 digits")]
    [InlineData("6586908370830", "12 digits")]
    [InlineData("65869083708A", "12 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void TryParse_MalformedNumber_IsRefusedWithReason(string? text, string reason)
    {
        Assert.False(DeclarationNumber.TryParse(text, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
