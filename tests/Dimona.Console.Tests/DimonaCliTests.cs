using System.Net;
using System.Net.Sockets;
using Dimona.Console.Connection;
using Dimona.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Console.Tests;

public class DimonaCliTests
{
    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task Submit_Options_SendsTheDimonaInAndPrintsTheResult()
    {
        client.SubmitResponse = new SubmitDeclarationResponse { Declaration = Samples.RefusedStg() };

        var exitCode = await RunAsync(
            "submit", "--enterprise-number", "0403019261", "--niss", "93051822361",
            "--start-date", "2027-02-01", "--end-date", "2027-03-31", "--worker-type", "stg",
            "--employment-nature", "employee", "--activity-risk", "401", "--intern-type", "F1",
            "--reference", "stage-2027", "--request-id", "0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", request.RequestId);
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal(WorkerType.Stg, request.DimonaIn.WorkerType);
        Assert.Equal("XXX", request.DimonaIn.JointCommittee);
        Assert.Equal(InternType.F1, request.DimonaIn.SmallStatutes.InternType);
        Assert.Contains("Status:                   REFUSED", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("00911-001  blocking", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task Submit_File_SendsTheFileContent()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "stg.json");
        client.SubmitResponse = new SubmitDeclarationResponse
        {
            Declaration = new Declaration { Status = DeclarationStatus.Accepted, DeclarationNumber = "658690837083", PeriodId = "658690837083" },
        };

        var exitCode = await RunAsync("submit", "--file", path);

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<SubmitDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal(WorkerType.Stg, request.DimonaIn.WorkerType);
        Assert.Equal("stage-2030", request.Reference);
        Assert.Contains("Status:                   ACCEPTED", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Period id:                658690837083", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FileWithOtherOptions_IsAUsageErrorAndCallsNothing()
    {
        var exitCode = await RunAsync("submit", "--file", "stg.json", "--niss", "93051822361");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith("error: --file cannot be combined", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownWorkerType_IsAUsageErrorAndCallsNothing()
    {
        var exitCode = await RunAsync(
            "submit", "--enterprise-number", "0403019261", "--niss", "93051822361", "--start-date", "2027-02-01", "--worker-type", "ABC");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith("error: --worker-type: unknown code 'ABC'; valid codes: OTH, STU", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_PlannedHoursNotANumber_IsAUsageError()
    {
        var exitCode = await RunAsync("submit", "--planned-hours", "many");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains("--planned-hours", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Run 'dimona submit --help' for usage.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_InvalidArgument_PrintsTheFieldViolationsAndExitsOne()
    {
        client.Failure = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The request is malformed.",
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = "worker.niss", Description = "Check digits do not match." } },
                }),
                Any.Pack(new ErrorInfo { Reason = "INVALID_REQUEST", Domain = "dimona.v1" }),
            },
        }.ToRpcException();

        var exitCode = await RunAsync("submit", "--enterprise-number", "0403019261", "--niss", "93051822360", "--start-date", "2027-02-01");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal(
            """
            error: InvalidArgument: The request is malformed.
              reason: INVALID_REQUEST
              worker.niss: Check digits do not match.

            """,
            error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task Get_DeclarationNumber_AsksForItAndPrintsIt()
    {
        client.GetResponse = new GetDeclarationResponse { Declaration = Samples.RefusedStg() };

        var exitCode = await RunAsync("get", "658690837083");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<GetDeclarationRequest>(Assert.Single(client.Requests));
        Assert.Equal("658690837083", request.DeclarationNumber);
        Assert.Contains("Worker:                   NISS 93051822361", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoDeclarationNumber_IsAUsageError()
    {
        var exitCode = await RunAsync("get");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Contains("Run 'dimona get --help' for usage.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_OnssNumber_AsksByThatNumberAndPrintsTheEmployer()
    {
        client.IdentifyResponse = new IdentifyEmployerResponse { Employer = Samples.Acme() };

        var exitCode = await RunAsync("identify", "--onss-number", "175110801");

        Assert.Equal(ExitCodes.Success, exitCode);
        var request = Assert.IsType<IdentifyEmployerRequest>(Assert.Single(client.Requests));
        Assert.Equal("175110801", request.Employer.OnssNumber);
        Assert.Contains("Name:                     ACME SA", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Employer category:        000\nNACE-BEL codes:           25620 (main), 33120\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_TwoNumbers_IsAUsageError()
    {
        var exitCode = await RunAsync("identify", "--onss-number", "175110801", "--enterprise-number", "0403019261");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var help = new StringWriter();

        await new DimonaCli(client.Connect, help, error).RunAsync(["--help"], TestContext.Current.CancellationToken);

        foreach (var command in new[] { "identify", "register", "confirm", "submit", "out", "update", "cancel", "get", "list", "periods", "period", "pending", "resolve", "batch" })
        {
            Assert.Matches($"(?m)^  {command}\\b", help.ToString());
        }
    }

    [Fact]
    public async Task Run_AddressOption_ConnectsThere()
    {
        client.GetResponse = new GetDeclarationResponse { Declaration = Samples.RefusedStg() };

        await RunAsync("get", "658690837083", "--address", "http://dimona.test:5081");

        Assert.Equal(new Uri("http://dimona.test:5081"), client.Address);
    }

    [Fact]
    public async Task Run_TokenOption_IsTheTokenTheCallsCarry()
    {
        client.GetResponse = new GetDeclarationResponse { Declaration = Samples.RefusedStg() };

        await RunAsync("get", "658690837083", "--token", "header.payload.signature");

        Assert.Equal("header.payload.signature", client.Token);
    }

    [Fact]
    public async Task Run_BareHostAndPort_IsTakenAsHttp()
    {
        client.GetResponse = new GetDeclarationResponse { Declaration = Samples.RefusedStg() };

        await RunAsync("get", "658690837083", "--address", "dimona.test:5081");

        Assert.Equal(new Uri("http://dimona.test:5081"), client.Address);
    }

    [Fact]
    public async Task Run_AddressNotHttp_IsAUsageError()
    {
        var exitCode = await RunAsync("--address", "ftp://dimona.test", "get", "658690837083");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith("error: --address:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCommand_IsAUsageError()
    {
        var exitCode = await RunAsync();

        Assert.Equal(ExitCodes.UsageError, exitCode);
    }

    [Fact]
    public async Task Run_ServerNotRunning_PrintsOneLineAndExitsOne()
    {
        var address = $"http://127.0.0.1:{UnusedPort()}";
        var cli = new DimonaCli(GrpcConnection.Connect, output, error);

        var exitCode = await cli.RunAsync(["--address", address, "get", "658690837083"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.RpcError, exitCode);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Unavailable: cannot reach the Dimona service at {address}/ (", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://localhost:5000")]
    [InlineData("", "http://localhost:5000")]
    [InlineData("http://dimona.test:6000", "http://dimona.test:6000")]
    public void ServerAddress_FromEnvironment_FallsBackToLocalhost(string? variable, string expected)
    {
        var address = ServerAddress.FromEnvironment(name => name == "DIMONA_ADDRESS" ? variable : "wrong");

        Assert.Equal(expected, address);
    }

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
