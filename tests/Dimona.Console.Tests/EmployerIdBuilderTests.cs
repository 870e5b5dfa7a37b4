using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class EmployerIdBuilderTests
{
    [Fact]
    public void Build_EnterpriseNumber_SetsEnterpriseNumber()
    {
        var employer = EmployerIdBuilder.Build(new EmployerInput(EnterpriseNumber: "0403019261"));

        Assert.Equal(EmployerId.NumberOneofCase.EnterpriseNumber, employer.NumberCase);
        Assert.Equal("0403019261", employer.EnterpriseNumber);
    }

    [Fact]
    public void Build_OnssNumber_SetsOnssNumber()
    {
        var employer = EmployerIdBuilder.Build(new EmployerInput(OnssNumber: "175110801"));

        Assert.Equal(EmployerId.NumberOneofCase.OnssNumber, employer.NumberCase);
        Assert.Equal("175110801", employer.OnssNumber);
    }

    [Fact]
    public void Build_ProvisionalOnssNumber_SetsProvisionalOnssNumber()
    {
        var employer = EmployerIdBuilder.Build(new EmployerInput(ProvisionalOnssNumber: "5000000120"));

        Assert.Equal(EmployerId.NumberOneofCase.ProvisionalOnssNumber, employer.NumberCase);
        Assert.Equal("5000000120", employer.ProvisionalOnssNumber);
    }

    [Fact]
    public void Build_NoNumber_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => EmployerIdBuilder.Build(new EmployerInput()));

        Assert.Contains("--enterprise-number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoNumbers_ThrowsUsage()
    {
        var input = new EmployerInput(EnterpriseNumber: "0403019261", OnssNumber: "175110801");

        var exception = Assert.Throws<UsageException>(() => EmployerIdBuilder.Build(input));

        Assert.StartsWith("give only one of", exception.Message, StringComparison.Ordinal);
    }
}
