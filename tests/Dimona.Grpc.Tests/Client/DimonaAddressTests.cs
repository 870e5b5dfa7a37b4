using Dimona.Client;

namespace Dimona.Grpc.Tests.Client;

public class DimonaAddressTests
{
    [Theory]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    [InlineData("https://dimona.example:443/", "https://dimona.example/")]
    [InlineData("127.0.0.1:5401", "http://127.0.0.1:5401/")]
    [InlineData(" dimona.test:6000 ", "http://dimona.test:6000/")]
    public void TryParse_ServiceAddress_GivesIt(string text, string expected)
    {
        Assert.Equal(new Uri(expected), DimonaAddress.TryParse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ftp://dimona.test")]
    [InlineData("http://dimona.test/v1")]
    [InlineData("http://dimona.test?x=1")]
    [InlineData("http://user@dimona.test")]
    [InlineData("dimona.test:port")]
    public void TryParse_AnythingElse_IsNull(string? text)
    {
        Assert.Null(DimonaAddress.TryParse(text));
    }
}
