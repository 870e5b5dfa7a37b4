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
        NaceCodes = ["25620"],
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
        Assert.Equal(["25620"], request.NaceCodes);
        Assert.Equal("", request.EmployerCategory);
    }

    [Fact]
    public void Build_Category_IsSent()
    {
        Assert.Equal("000", RegisterRequestBuilder.Build(Nieuw with { Category = "000" }).EmployerCategory);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Build_BlankCategory_SendsNone(string category)
    {
        Assert.Equal("", RegisterRequestBuilder.Build(Nieuw with { Category = category }).EmployerCategory);
    }

    [Fact]
    public void Build_NaceRepeated_SendsTheCodesInTheOrderGiven()
    {
        var request = RegisterRequestBuilder.Build(Nieuw with { NaceCodes = ["56101", "25620", "33120"] });

        Assert.Equal(["56101", "25620", "33120"], request.NaceCodes);
    }

    [Fact]
    public void Build_NaceCommaSeparated_SplitsAtTheCommasKeepingTheOrderAcrossOptions()
    {
        var request = RegisterRequestBuilder.Build(Nieuw with { NaceCodes = ["56101,25620", " 33120 , 11050,", "47110"] });

        Assert.Equal(["56101", "25620", "33120", "11050", "47110"], request.NaceCodes);
    }

    [Fact]
    public void Build_NoNace_SendsNoneForTheServiceToRefuse()
    {
        Assert.Empty(RegisterRequestBuilder.Build(Nieuw with { NaceCodes = [] }).NaceCodes);
        Assert.Empty(RegisterRequestBuilder.Build(Nieuw with { NaceCodes = [" , "] }).NaceCodes);
    }

    [Fact]
    public void Build_MalformedNace_IsSentAsGivenForTheServiceToName()
    {
        Assert.Equal(["5610", "AB123"], RegisterRequestBuilder.Build(Nieuw with { NaceCodes = ["5610,AB123"] }).NaceCodes);
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
