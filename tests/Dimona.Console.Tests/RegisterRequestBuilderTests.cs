using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class RegisterRequestBuilderTests
{
    private static readonly RegisterInput Nieuw = new()
    {
        Name = "Nieuw Atelier BV",
        EnterpriseNumber = "0123456749",
        Address = new AddressInput { Street = "Meir", HouseNumber = "50", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
    };

    [Fact]
    public void Build_NoChannel_RegistersThroughTheUnsecuredPathWithNameNumberAndAddress()
    {
        var request = RegisterRequestBuilder.Build(Nieuw);

        Assert.Equal(RegistrationChannel.Unsecured, request.Channel);
        Assert.Equal("Nieuw Atelier BV", request.Name);
        Assert.Equal("0123456749", request.EnterpriseNumber);
        Assert.Equal("Meir", request.Address.Street);
        Assert.Equal("", request.Address.Box);
        Assert.Equal("BE", request.Address.Country);
    }

    [Theory]
    [InlineData("secured", RegistrationChannel.Secured)]
    [InlineData("UNSECURED", RegistrationChannel.Unsecured)]
    [InlineData("REGISTRATION_CHANNEL_SECURED", RegistrationChannel.Secured)]
    public void Build_Channel_IsReadIgnoringCase(string channel, RegistrationChannel expected)
    {
        Assert.Equal(expected, RegisterRequestBuilder.Build(Nieuw with { Channel = channel }).Channel);
    }

    [Fact]
    public void Build_UnknownChannel_ThrowsUsageListingTheChannels()
    {
        var exception = Assert.Throws<UsageException>(() => RegisterRequestBuilder.Build(Nieuw with { Channel = "wide" }));

        Assert.Equal("--channel: unknown code 'wide'; valid codes: SECURED, UNSECURED", exception.Message);
    }

    [Fact]
    public void Build_NoName_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => RegisterRequestBuilder.Build(Nieuw with { Name = "" }));

        Assert.StartsWith("--name is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEnterpriseNumber_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => RegisterRequestBuilder.Build(Nieuw with { EnterpriseNumber = null }));

        Assert.StartsWith("--enterprise-number is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoAddress_ThrowsUsageNamingTheAddressOptions()
    {
        var exception = Assert.Throws<UsageException>(() => RegisterRequestBuilder.Build(Nieuw with { Address = new AddressInput() }));

        Assert.Equal("the registered address is required: give --street, --house-number, [--box], --post-code, --municipality, --country", exception.Message);
    }
}
