using Dimona.Grpc.Security;

namespace Dimona.Grpc.Tests.Security;

/// <summary>
/// The options of the server's <c>token</c> verb: employers are taken only in the form the server compares them
/// (digit for digit with the stored numbers), so that a token never silently carries an employer that matches none.
/// </summary>
public class TokenCommandTests
{
    [Theory]
    [InlineData("0403019261")] // enterprise number
    [InlineData("175110801")] // definitive ONSS number
    [InlineData("5123456773")] // provisional ONSS number
    public void Employer_AsStored_IsTaken(string employer)
    {
        var command = TokenCommand.Parse(["token", "--employer", employer, "--scope", "declare"])!;

        Assert.Null(command.Error);
        Assert.Equal([employer], command.Employers);
    }

    [Fact]
    public void Employer_NineDigitEnterpriseForm_IsRefusedNamingTheTenDigitForm()
    {
        var command = TokenCommand.Parse(["token", "--employer", "403019261", "--scope", "declare"])!;

        Assert.NotNull(command.Error);
        Assert.Contains("give 0403019261", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0403019262")] // enterprise check digits wrong
    [InlineData("175110802")] // ONSS check digits wrong
    [InlineData("5123456774")] // provisional ONSS check digits wrong
    [InlineData("12345")]
    [InlineData("04030192610")]
    [InlineData("BE0403019261")]
    public void Employer_NotAValidNumber_IsRefused(string employer)
    {
        var command = TokenCommand.Parse(["token", "--employer", $"0812345603,{employer}", "--scope", "declare"])!;

        Assert.NotNull(command.Error);
        Assert.StartsWith($"--employer {employer}: ", command.Error, StringComparison.Ordinal);
    }
}
