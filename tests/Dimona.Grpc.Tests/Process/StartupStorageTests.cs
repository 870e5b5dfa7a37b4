using Dimona.Grpc.Tests.Integration;
using Dimona.V1;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// Start-up on a database path that cannot be used: exit code 1 and one line on standard error naming the file and
/// what is wrong, no stack trace. (Tests run as root, so a folder without permission cannot be simulated; /proc
/// refuses even root.)
/// </summary>
[Collection(ProcessCollection.Name)]
public class StartupStorageTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 90_000)]
    public async Task Start_DatabasePathUnderARegularFile_ExitsOneWithOneLine()
    {
        using var temp = new TempPaths();
        var file = temp.NewPath(".txt");
        await File.WriteAllTextAsync(file, "not a folder", Ct);

        await AssertStartFailsAsync(Path.Combine(file, "dimona.db"), $"{file} is a file, not a folder");
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_FileIsNotADatabase_ExitsOneWithOneLine()
    {
        using var temp = new TempPaths();
        var path = temp.NewPath();
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("This is a text file, not an SQLite database.\n", 200)), Ct);

        await AssertStartFailsAsync(path, "file is not a database");
        Assert.StartsWith("This is a text file", await File.ReadAllTextAsync(path, Ct), StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_DatabasePathIsADirectory_ExitsOneWithOneLine()
    {
        using var temp = new TempPaths();
        var path = temp.NewPath();
        Directory.CreateDirectory(path);

        await AssertStartFailsAsync(path, "it is a folder, not a file");
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_DatabasePathUnderProc_ExitsOneWithOneLine()
    {
        await AssertStartFailsAsync($"/proc/dimona-{Guid.NewGuid():N}/dimona.db");
    }

    [Fact(Timeout = 90_000)]
    public async Task Start_EmptyFile_ServesAsANewDatabase()
    {
        using var temp = new TempPaths();
        var path = temp.NewPath();
        await File.WriteAllBytesAsync(path, [], Ct);

        await using var server = await ServerProcess.StartReadyAsync(path, Ct);
        var client = new DimonaService.DimonaServiceClient(server.CreateChannel());
        var request = Workers.Stg(0);
        var submitted = (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;
        var read = (await client.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = submitted.DeclarationNumber }, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Accepted, submitted.Status);
        Assert.Equal(submitted, read);
        Assert.Equal(request.RequestId, read.RequestId);
        var employer = await client.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);
        Assert.Equal(Requests.DefinitiveEmployer, employer.Employer.EnterpriseNumber);
    }

    [Theory(Timeout = 90_000)]
    [InlineData("postgres", "", "Dimona:Database:Provider is 'postgres': it is Sqlite (the default) or PostgreSql")]
    [InlineData("PostgreSql", "", "Dimona:Database:Provider is PostgreSql but no connection string is set: set Dimona:Database:ConnectionString")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Colour=blue", "Dimona:Database:ConnectionString is not a PostgreSQL connection string")]
    public async Task Start_DatabaseSettingsNamingNoDatabase_ExitsOneWithOneLine(string provider, string connectionString, string expected)
    {
        await using var server = ServerProcess.Start(environment: new Dictionary<string, string>
        {
            ["Dimona__Database__Provider"] = provider,
            ["Dimona__Database__ConnectionString"] = connectionString,
        });
        var exitCode = await server.WaitForExitAsync(ExitTimeout, Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        var line = Assert.Single(server.StandardError, l => l.Trim().Length > 0);
        Assert.StartsWith($"dimona: cannot choose the database: {expected}", line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.StandardOutput.Concat(server.StandardError), ServerProcess.IsStackFrame);
    }

    private static async Task AssertStartFailsAsync(string path, string? reason = null)
    {
        await using var server = ServerProcess.Start(path);
        var exitCode = await server.WaitForExitAsync(ExitTimeout, Ct);

        Assert.True(exitCode == 1, $"Exit code {exitCode}.\n{server.Output}");
        var errors = server.StandardError.Where(l => l.Trim().Length > 0).ToList();
        Assert.True(errors.Count == 1, $"{errors.Count} lines on standard error, not 1.\n{server.Output}");
        var line = errors[0];
        var at = line.IndexOf(path, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The line does not name {path}: {line}");
        Assert.True(line[(at + path.Length)..].Trim(' ', ':').Length > 0, $"The line gives no reason: {line}");
        if (reason is not null)
        {
            Assert.Contains(reason, line, StringComparison.Ordinal);
        }
        var frames = server.StandardOutput.Concat(server.StandardError).Where(ServerProcess.IsStackFrame).ToList();
        Assert.True(frames.Count == 0, $"A stack trace in the output.\n{server.Output}");
    }
}
