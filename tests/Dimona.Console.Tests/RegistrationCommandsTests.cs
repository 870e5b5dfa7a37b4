using Dimona.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Console.Tests;

/// <summary>dimona register and confirm against a fake client.</summary>
public class RegistrationCommandsTests
{
    private const string Register =
        "register --name Nieuw_Atelier --enterprise-number 0123456749 --nace 25620 --street Meir --house-number 50 --post-code 2000 --municipality Antwerpen --country BE";

    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task Register_Unsecured_SendsTheRegistrationAndPrintsTheProvisionalEmployerWithTheConfirmCommand()
    {
        client.RegisterResponse = new RegisterEmployerResponse { Employer = Provisional() };

        var exitCode = await RunAsync(Register.Split(' '));

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<RegisterEmployerRequest>(Assert.Single(client.Requests));
        Assert.Equal(RegistrationChannel.Unsecured, request.Channel);
        Assert.Equal("Nieuw_Atelier", request.Name);
        Assert.Equal("0123456749", request.EnterpriseNumber);
        Assert.Equal(
            new Address { Street = "Meir", HouseNumber = "50", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            request.Address);
        Assert.Equal(["25620"], request.NaceCodes);
        Assert.Equal("", request.EmployerCategory);
        Assert.Equal(
            """
            Name:                     Nieuw Atelier BV
            Enterprise number:        0123456749
            ONSS number:              (none)
            Provisional ONSS number:  5000000120
            Registration:             provisional
            Active:                   yes
            Address:                  Meir 50, 2000 Antwerpen, BE
            Employer category:        (not known)
            NACE-BEL codes:           25620 (main)
            Next step:                ONSS confirms the registration: dimona confirm 5000000120

            """,
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Register_Secured_SendsThatChannelAndPrintsNoNextStep()
    {
        var definitive = Provisional();
        definitive.OnssNumber = "175110801";
        definitive.ProvisionalOnssNumber = "";
        definitive.RegistrationStatus = RegistrationStatus.Definitive;
        client.RegisterResponse = new RegisterEmployerResponse { Employer = definitive };

        await RunAsync([.. Register.Split(' '), "--channel", "secured"]);

        Assert.Equal(RegistrationChannel.Secured, Assert.IsType<RegisterEmployerRequest>(Assert.Single(client.Requests)).Channel);
        Assert.Contains("Registration:             definitive", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Next step", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NaceRepeatedAndCommaSeparatedWithCategory_SendsEveryCodeInOrderAndTheCategory()
    {
        client.RegisterResponse = new RegisterEmployerResponse { Employer = Provisional() };

        var exitCode = await RunAsync([.. Register.Split(' '), "--nace", "33120,47110", "--nace", "11050", "--category", "000"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<RegisterEmployerRequest>(Assert.Single(client.Requests));
        Assert.Equal(["25620", "33120", "47110", "11050"], request.NaceCodes);
        Assert.Equal("000", request.EmployerCategory);
    }

    [Fact]
    public async Task Register_NoNace_SendsNoCodeAndPrintsTheServicesInvalidArgument()
    {
        client.Failure = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "Invalid request: nace_codes.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = "nace_codes", Description = "Between 1 and 10 NACE-BEL activity codes are required." } },
                }),
                Any.Pack(new ErrorInfo { Reason = "INVALID_REQUEST", Domain = "dimona.v1" }),
            },
        }.ToRpcException();

        var exitCode = await RunAsync(Register.Replace(" --nace 25620", "", StringComparison.Ordinal).Split(' '));

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Empty(Assert.IsType<RegisterEmployerRequest>(Assert.Single(client.Requests)).NaceCodes);
        Assert.Contains("\n  nace_codes: Between 1 and 10", error.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NaceWithoutACode_IsAUsageErrorAndSendsNothing()
    {
        var exitCode = await RunAsync([.. Register.Split(' '), "--nace"]);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains("--nace", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("register --enterprise-number 0123456749 --street Meir", "error: --name is required")]
    [InlineData("register --name X --enterprise-number 0123456749", "error: the registered address is required")]
    [InlineData("register --name X --enterprise-number 0123456749 --country BE --channel wide", "error: --channel: unknown code 'wide'")]
    public async Task Register_Incomplete_IsAUsageErrorAndSendsNothing(string commandLine, string message)
    {
        var exitCode = await RunAsync(commandLine.Split(' '));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_ProvisionalNumber_AsksForItAndPrintsTheEmployerWithBothNumbers()
    {
        var confirmed = Provisional();
        confirmed.OnssNumber = "175110801";
        confirmed.RegistrationStatus = RegistrationStatus.Definitive;
        client.ConfirmResponse = new ConfirmEmployerRegistrationResponse { Employer = confirmed };

        var exitCode = await RunAsync("confirm", "5000000120");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("5000000120", Assert.IsType<ConfirmEmployerRegistrationRequest>(Assert.Single(client.Requests)).ProvisionalOnssNumber);
        Assert.Contains("ONSS number:              175110801\nProvisional ONSS number:  5000000120\nRegistration:             definitive", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_AlreadyDefinitive_PrintsTheReasonAndExitsOne()
    {
        client.Failure = new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = "The registration of 5000000120 was confirmed before.",
            Details = { Any.Pack(new ErrorInfo { Reason = "EMPLOYER_ALREADY_DEFINITIVE", Domain = "dimona.v1" }) },
        }.ToRpcException();

        var exitCode = await RunAsync("confirm", "5000000120");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal(
            "error: FailedPrecondition: The registration of 5000000120 was confirmed before.\n  reason: EMPLOYER_ALREADY_DEFINITIVE\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    private static Employer Provisional() => new()
    {
        Name = "Nieuw Atelier BV",
        EnterpriseNumber = "0123456749",
        ProvisionalOnssNumber = "5000000120",
        RegistrationStatus = RegistrationStatus.Provisional,
        Active = true,
        Address = new Address { Street = "Meir", HouseNumber = "50", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
        NaceCodes = { "25620" },
    };

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
