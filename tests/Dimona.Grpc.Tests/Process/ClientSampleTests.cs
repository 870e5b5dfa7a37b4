using Dimona.Client;
using Dimona.Client.Sample;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The client samples of every language against the real server, started as a process on a temporary database: the
/// .NET sample's steps checked here, the TypeScript and Python samples' own test suites run (they check the same
/// answers: statuses, the anomaly code, the field violation, the batch's order) and their programs run to the end.
/// The TypeScript client needs <c>npm ci</c> at the repository root; the Python client needs Debian's
/// protobuf-compiler, protobuf-compiler-grpc, python3-grpcio and python3-protobuf.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ClientSampleTests : IAsyncLifetime
{
    private ServerProcess? server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServerProcess Server => server ?? throw new InvalidOperationException("The server did not start.");

    public async ValueTask InitializeAsync() => server = await ServerProcess.StartReadyAsync(null, Ct);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task DotnetSample_TakesTheFiveSteps()
    {
        var dimona = DimonaClient.Create(new DimonaClientOptions { Address = Server.Address, Token = Integration.TestTokens.Default });

        var employer = await Scenario.IdentifyAsync(dimona, Ct);
        var accepted = await Scenario.SubmitAcceptedAsync(dimona, Ct);
        var refused = await Scenario.SubmitRefusedAsync(dimona, Ct);
        var invalid = await Scenario.SubmitInvalidAsync(dimona, Ct);
        var batch = await Scenario.SubmitBatchAsync(dimona, Ct);

        Assert.Equal(("Atelier Démo SA", "175110801"), (employer.Name, employer.OnssNumber));
        Assert.Equal(DeclarationStatus.Accepted, accepted.Status);
        Assert.Matches("^[0-9]{12}$", accepted.DeclarationNumber);
        Assert.Equal(accepted.DeclarationNumber, accepted.PeriodId);
        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Equal("90373-343", Assert.Single(refused.Anomalies).Code);
        Assert.Equal((StatusCode.InvalidArgument, "INVALID_REQUEST"), (invalid.Code, invalid.Reason));
        Assert.Equal("worker.niss", Assert.Single(invalid.FieldErrors).Field);
        Assert.Equal([0L, 1L, 2L], batch.Select(answer => answer.Index));
        Assert.Equal(DeclarationStatus.Accepted, batch[0].Declaration!.Status);
        Assert.Equal("90373-343", Assert.Single(batch[1].Declaration!.Anomalies).Code);
        Assert.Equal(StatusCode.InvalidArgument, batch[2].Error!.Code);
        Assert.Equal("worker.niss", Assert.Single(batch[2].Error!.FieldErrors).Field);
    }

    [Fact(Timeout = 300_000)]
    public async Task DotnetSample_ProgramPrintsTheFiveSteps()
    {
        var run = await RunAsync(ServerProcess.DotnetHost(), [ServerProcess.BuiltAssembly(Path.Combine("clients", "Dimona.Client.Sample"), "Dimona.Client.Sample.dll")]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Atelier Démo SA, ONSS number 175110801", run.Output, StringComparison.Ordinal);
        Assert.Contains("90373-343 blocking employer", run.Output, StringComparison.Ordinal);
        Assert.Contains("worker.niss: NISS check digits do not match (00024-003).", run.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task TypeScriptSample_PassesItsTestsAndRuns()
    {
        Assert.True(Directory.Exists(Path.Combine(ServerProcess.RepositoryRoot, "node_modules", "@bufbuild", "buf")), "Run `npm ci` at the repository root first.");

        var tests = await RunAsync("npm", ["test", "--silent", "-w", "clients/typescript"]);
        Assert.True(tests.ExitCode == 0, tests.Output);
        Assert.Contains("# fail 0", tests.Output, StringComparison.Ordinal);
        Assert.Matches(@"# pass [1-9]", tests.Output);

        var sample = await RunAsync("npm", ["run", "--silent", "sample", "-w", "clients/typescript"]);
        Assert.True(sample.ExitCode == 0, sample.Output);
        Assert.Contains("90373-343", sample.Output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 300_000)]
    public async Task PythonSample_PassesItsTestsAndRuns()
    {
        var generate = await RunAsync("bash", ["clients/python/generate.sh"]);
        Assert.True(generate.ExitCode == 0, $"{generate.Output}\nNeeds Debian's protobuf-compiler, protobuf-compiler-grpc and libprotobuf-dev.");

        var tests = await RunAsync("/usr/bin/python3", ["-m", "unittest", "discover", "-s", "clients/python", "-v"]);
        Assert.True(tests.ExitCode == 0, $"{tests.Output}\nNeeds Debian's python3-grpcio and python3-protobuf.");
        Assert.Matches(@"Ran [1-9][0-9]* tests", tests.Output);

        var sample = await RunAsync("/usr/bin/python3", ["clients/python/sample.py"]);
        Assert.True(sample.ExitCode == 0, sample.Output);
        Assert.Contains("90373-343", sample.Output, StringComparison.Ordinal);
    }

    private Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments) =>
        ToolRun.RunAsync(ServerProcess.RepositoryRoot, program, arguments, new Dictionary<string, string>
        {
            ["DIMONA_ADDRESS"] = Server.Address.ToString().TrimEnd('/'),
            ["DIMONA_TOKEN"] = Integration.TestTokens.Default,
        });
}
