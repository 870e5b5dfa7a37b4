using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Integration;

public class IdentifyEmployerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IdentifyEmployer_ByEnterpriseNumber_ReturnsDefinitiveEmployer()
    {
        await using var server = new DimonaServerFactory();
        var reply = await server.CreateDimonaClient().IdentifyEmployerAsync(
            new() { Employer = new() { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);

        Assert.Equal(Requests.DefinitiveOnss, reply.Employer.OnssNumber);
        Assert.Equal(RegistrationStatus.Definitive, reply.Employer.RegistrationStatus);
        Assert.True(reply.Employer.Active);
        Assert.False(string.IsNullOrEmpty(reply.Employer.Name));
        Assert.Equal("BE", reply.Employer.Address.Country);
    }

    [Fact]
    public async Task IdentifyEmployer_ByOldNineDigitEnterpriseNumber_FindsTheSameEmployer()
    {
        await using var server = new DimonaServerFactory();
        var reply = await server.CreateDimonaClient().IdentifyEmployerAsync(
            new() { Employer = new() { EnterpriseNumber = Requests.DefinitiveEmployer[1..] } }, cancellationToken: Ct);

        Assert.Equal(Requests.DefinitiveEmployer, reply.Employer.EnterpriseNumber);
    }

    [Fact]
    public async Task IdentifyEmployer_ByDefinitiveOnssNumber_ReturnsEmployer()
    {
        await using var server = new DimonaServerFactory();
        var reply = await server.CreateDimonaClient().IdentifyEmployerAsync(
            new() { Employer = new() { OnssNumber = Requests.DefinitiveOnss } }, cancellationToken: Ct);

        Assert.Equal(Requests.DefinitiveEmployer, reply.Employer.EnterpriseNumber);
    }

    [Fact]
    public async Task IdentifyEmployer_ByProvisionalOnssNumber_ReturnsProvisionalEmployer()
    {
        await using var server = new DimonaServerFactory();
        var reply = await server.CreateDimonaClient().IdentifyEmployerAsync(
            new() { Employer = new() { ProvisionalOnssNumber = Requests.ProvisionalOnss } }, cancellationToken: Ct);

        Assert.Equal(RegistrationStatus.Provisional, reply.Employer.RegistrationStatus);
        Assert.Equal("", reply.Employer.OnssNumber);
        Assert.Equal(Requests.ProvisionalOnss, reply.Employer.ProvisionalOnssNumber);
    }

    [Fact]
    public async Task IdentifyEmployer_InactiveEmployer_ReturnsItAsInactive()
    {
        await using var server = new DimonaServerFactory();
        var reply = await server.CreateDimonaClient().IdentifyEmployerAsync(
            new() { Employer = new() { EnterpriseNumber = Requests.InactiveEmployer } }, cancellationToken: Ct);

        Assert.False(reply.Employer.Active);
    }

    [Fact]
    public async Task IdentifyEmployer_UnknownValidNumber_FailsNotFound()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var status = await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.IdentifyEmployerAsync(
            new() { Employer = new() { EnterpriseNumber = "0123456749" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("EMPLOYER_NOT_FOUND", status.Reason());
        Assert.Equal("No employer has enterprise number 0123456749.", status.Message);
    }

    [Theory]
    [InlineData("0431150351", "employer.enterprise_number")]
    [InlineData("04031", "employer.enterprise_number")]
    public async Task IdentifyEmployer_BadEnterpriseNumber_FailsNamingTheField(string number, string field)
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.IdentifyEmployerAsync(
            new() { Employer = new() { EnterpriseNumber = number } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal([field], status.BadFields());
        Assert.Equal("INVALID_REQUEST", status.Reason());
    }

    [Fact]
    public async Task IdentifyEmployer_OnssNumberWithBadCheckDigits_FailsNamingTheField()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.IdentifyEmployerAsync(
            new() { Employer = new() { OnssNumber = "175110802" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["employer.onss_number"], status.BadFields());
    }

    [Fact]
    public async Task IdentifyEmployer_ProvisionalOnssNumberWithBadCheckDigits_FailsNamingTheFieldWith00948_003()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.IdentifyEmployerAsync(
            new() { Employer = new() { ProvisionalOnssNumber = "5123456774" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["employer.provisional_onss_number"], status.BadFields());
        Assert.Contains("00948-003", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentifyEmployer_NoNumber_FailsNamingTheEmployer()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => client.IdentifyEmployerAsync(new(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["employer"], status.BadFields());
    }
}
