using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dimona.Grpc.Tests.Process;
using Npgsql;
using OsProcess = System.Diagnostics.Process;

namespace Dimona.Grpc.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb in a temporary folder, the server on a free loopback port with trust
/// authentication and its socket in that folder, stopped and deleted by <see cref="DisposeAsync"/>. PostgreSQL refuses
/// to run as root, so as root (CI) it runs as the <c>postgres</c> user that Debian's package creates. The binaries
/// are Debian's (<c>/usr/lib/postgresql/VERSION/bin</c>, package <c>postgresql</c>) or those in the folder
/// <c>DIMONA_PG_BIN</c> names.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string folder;
    private readonly string bin;
    private readonly bool asPostgresUser;

    private PostgresCluster(string folder, string bin, bool asPostgresUser, int port)
    {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>
    /// Creates and starts a cluster. <paramref name="durable"/> false turns fsync off, for tests; true keeps
    /// PostgreSQL's defaults (a commit is flushed to disk), for benchmark figures.
    /// </summary>
    public static async Task<PostgresCluster> StartAsync(bool durable, CancellationToken ct)
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), $"dimona-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asPostgresUser = Environment.UserName == "root";
        var cluster = new PostgresCluster(folder, bin, asPostgresUser, LoopbackPort.Free());
        try
        {
            if (asPostgresUser)
            {
                await cluster.RunAsync("chown", ["postgres:postgres", folder], asPostgres: false, ct);
            }
            await cluster.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", cluster.DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], asPostgres: true, ct);
            var options = string.Join(' ',
                "-c listen_addresses=127.0.0.1", $"-p {cluster.Port.ToString(CultureInfo.InvariantCulture)}", $"-k {folder}",
                "-c max_connections=400", durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await cluster.RunAsync(Path.Combine(bin, "pg_ctl"),
                ["-D", cluster.DataFolder, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true, ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The connection string of <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ToString();

    /// <summary>Creates an empty database named <paramref name="name"/> unless it exists.</summary>
    public void CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>Drops <paramref name="name"/>, closing whatever connections it still has.</summary>
    public void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>A database name of its own for <paramref name="key"/> (a test's made-up path): the same key, the same database.</summary>
    public static string DatabaseNameFor(string key) =>
        "dimona_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];

    /// <summary>Stops the server (pg_ctl stop, fast: open connections are closed), as an operator or a crash would take it away.</summary>
    public Task StopAsync(CancellationToken ct) =>
        RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataFolder, "-m", "fast", "-w", "stop"], asPostgres: true, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asPostgres: true, limit.Token);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken ct)
    {
        var start = new ProcessStartInfo(asPostgres && asPostgresUser ? "runuser" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        if (asPostgres && asPostgresUser)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = OsProcess.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding its standard streams: read them to the end only while the program runs.
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(folder, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await Done(output)}{await Done(error)}{serverLog}");
        }
    }

    private static async Task<string> Done(Task<string> read) =>
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1))) == read ? await read : "";

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("DIMONA_PG_BIN") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "initdb")) ? given
                : throw new InvalidOperationException($"DIMONA_PG_BIN is {given}, which holds no initdb.");
        }
        const string debian = "/usr/lib/postgresql";
        var found = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
                .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "The PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl), found in /usr/lib/postgresql/VERSION/bin or in the folder " +
            "DIMONA_PG_BIN names: install the Debian package postgresql (apt-get install postgresql), as .ci/run does.");
    }

}
