using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dimona.Grpc.Tests.Process;

namespace Dimona.Grpc.Tests.PostgreSql;

/// <summary>
/// Start-up on a PostgreSQL database that cannot be used: exit code 1 and one line on standard error naming
/// host:port/database and the problem, never the password, and no stack trace.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class PostgreSqlStartupTests
{
    private const string Password = "not-to-be-printed";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 90_000)]
    public async Task Start_NoServerListening_ExitsOneWithOneLine()
    {
        var port = ClosedLoopbackPort();

        await AssertStartFailsAsync($"Host=127.0.0.1;Port={port};Database=dimona;Username=dimona;Password={Password}", $"127.0.0.1:{port}/dimona");
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_DatabaseMissing_ExitsOneWithOneLine()
    {
        var port = SharedCluster.Instance.Port.ToString(CultureInfo.InvariantCulture);

        await AssertStartFailsAsync(
            $"Host=127.0.0.1;Port={port};Database=dimona_missing;Username=postgres;Password={Password}", $"127.0.0.1:{port}/dimona_missing", "does not exist");
    }

    [Fact(Timeout = 120_000)]
    public async Task Start_OnAnEmptyDatabase_MigratesWithoutAnErrorLine()
    {
        var database = PostgresCluster.DatabaseNameFor(Guid.NewGuid().ToString());
        SharedCluster.Instance.CreateDatabase(database);
        try
        {
            await using var server = ServerProcess.Start(environment: new Dictionary<string, string>
            {
                ["Dimona__Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
                ["Dimona__Database__ConnectionString"] = SharedCluster.Instance.ConnectionString(database),
            });
            await server.WaitReadyAsync(Ct);

            Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        }
        finally
        {
            SharedCluster.Instance.DropDatabase(database);
        }
    }

    private static async Task AssertStartFailsAsync(string connectionString, string names, string? reason = null)
    {
        await using var server = ServerProcess.Start(environment: new Dictionary<string, string>
        {
            ["Dimona__Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["Dimona__Database__ConnectionString"] = connectionString,
        });
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        var line = Assert.Single(server.StandardError, l => l.Trim().Length > 0);
        Assert.StartsWith($"dimona: cannot use the database {names}: ", line, StringComparison.Ordinal);
        if (reason is not null)
        {
            Assert.Contains(reason, line, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Password, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), ServerProcess.IsStackFrame);
    }

    private static string ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port.ToString(CultureInfo.InvariantCulture);
    }
}
