using System.Net;
using System.Net.Sockets;
using Dimona.V1;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The built server started as an operator starts a published one: <c>dotnet Dimona.Grpc.dll --urls ...</c> from an
/// unrelated working directory, with no protocol setting. It must serve gRPC (plain-text HTTP/2), read the
/// appsettings.json beside it, and resolve a relative database path against its own folder.
/// </summary>
[Collection(ProcessCollection.Name)]
public class StartAnywhereTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 90_000)]
    public async Task Start_FromAnotherFolderWithOnlyUrls_ServesGrpcWithTheSettingsBesideTheProgram()
    {
        await using var server = await ServerProcess.StartReadyAsync(null, Ct);
        var client = new DimonaService.DimonaServiceClient(server.CreateChannel());

        var reply = await client.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = "0403019261" } }, cancellationToken: Ct);

        Assert.Equal("Atelier Démo SA", reply.Employer.Name);
        Assert.Contains(server.StandardOutput, line => line.Contains($"Content root path: {ServerProcess.ProgramFolder}", StringComparison.Ordinal));
        // appsettings.json sets Entity Framework's logs to Warning; without it every SQL command is logged.
        Assert.DoesNotContain(server.StandardOutput, line => line.Contains("Executed DbCommand", StringComparison.Ordinal));
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_WithARelativeDatabasePath_KeepsTheDatabaseBesideTheProgram()
    {
        var folder = $"dimona-relative-{Guid.NewGuid():N}";
        var relative = Path.Combine(folder, "dimona.db");
        try
        {
            await using (await ServerProcess.StartReadyAsync(relative, Ct))
            {
                Assert.True(File.Exists(Path.Combine(ServerProcess.ProgramFolder, relative)));
                Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), folder)));
            }
        }
        finally
        {
            var created = Path.Combine(ServerProcess.ProgramFolder, folder);
            if (Directory.Exists(created))
            {
                Directory.Delete(created, recursive: true);
            }
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_OnAPortInUse_ExitsOneWithALineNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var server = ServerProcess.Start(port: port);
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        Assert.Equal(
            $"dimona: cannot listen: Failed to bind to address http://127.0.0.1:{port}: address already in use.",
            server.StandardError.Last(line => line.Trim().Length > 0));
    }
}
