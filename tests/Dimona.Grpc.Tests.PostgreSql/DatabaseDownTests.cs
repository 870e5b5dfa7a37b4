using Dimona.Grpc.Tests.Integration;
using Dimona.Grpc.Tests.Process;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Tests.PostgreSql;

/// <summary>
/// An instance whose PostgreSQL server goes away: reads answer UNAVAILABLE (STORAGE_UNAVAILABLE), which clients
/// retry, never UNKNOWN. The cluster is the test's own, so that stopping it leaves the shared one alone.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DatabaseDownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 180_000)]
    public async Task Reads_WhileTheDatabaseIsDown_AreUnavailableStorageUnavailable()
    {
        await using var cluster = await PostgresCluster.StartAsync(durable: false, Ct);
        cluster.CreateDatabase("dimona");
        await using var server = ServerProcess.Start(environment: new Dictionary<string, string>
        {
            ["Dimona__Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["Dimona__Database__ConnectionString"] = cluster.ConnectionString("dimona"),
        });
        await server.WaitReadyAsync(Ct);
        var client = new DimonaService.DimonaServiceClient(server.CreateChannel());
        var declared = (await client.SubmitDeclarationAsync(Workers.Stg(0), cancellationToken: Ct)).Declaration;
        var employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer };

        await cluster.StopAsync(Ct);

        var reads = new Dictionary<string, Func<Task>>
        {
            ["ListDeclarations"] = () => client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = employer }, cancellationToken: Ct).ResponseAsync,
            ["GetDeclaration"] = () => client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = declared.DeclarationNumber }, cancellationToken: Ct).ResponseAsync,
            ["GetPeriod"] = () => client.GetPeriodAsync(new GetPeriodRequest { PeriodId = declared.PeriodId }, cancellationToken: Ct).ResponseAsync,
            ["IdentifyEmployer"] = () => client.IdentifyEmployerAsync(new IdentifyEmployerRequest { Employer = employer }, cancellationToken: Ct).ResponseAsync,
        };
        foreach (var (name, read) in reads)
        {
            var refused = await Record.ExceptionAsync(read);
            var e = Assert.IsType<RpcException>(refused, exactMatch: false);
            Assert.True(e.StatusCode == StatusCode.Unavailable, $"{name}: {e.Status}\n{server.Output}");
            Assert.Equal("STORAGE_UNAVAILABLE", e.GetRpcStatus()?.Reason());
        }
        Assert.DoesNotContain(server.StandardOutput, line => line.Contains("Exception was thrown by handler", StringComparison.Ordinal));
    }
}
