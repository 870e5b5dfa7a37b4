using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Health.V1;
using Dimona.Grpc.Tests.Integration;
using Grpc.Net.Client;
using OsProcess = System.Diagnostics.Process;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The real server as a child process: <c>dotnet Dimona.Grpc.dll --urls http://127.0.0.1:PORT</c> from the server's own
/// build output, started as an operator would start it: from an unrelated working directory, with no protocol
/// setting, in Production (accepting the tokens of <see cref="TestTokens"/>), on a free loopback port and a SQLite file of the test's choosing, with its
/// standard output and standard error captured line by line. Disposing kills it if it still runs, shows what it
/// printed in the test's output, and deletes the database files when this instance made the path up itself.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>How long a start may take until health answers SERVING (a cold start on a busy 2-core machine).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> ServerDll = new(() => BuiltAssembly(Path.Combine("server", "Dimona.Grpc"), "Dimona.Grpc.dll"));

    private readonly OsProcess process;
    private readonly bool ownsDatabase;
    private readonly List<(bool IsError, string Line)> lines = [];
    private readonly List<GrpcChannel> channels = [];

    private ServerProcess(string databasePath, bool ownsDatabase, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        DatabasePath = databasePath;
        this.ownsDatabase = ownsDatabase;
        Port = port ?? LoopbackPort.Free();
        var dll = ServerDll.Value;
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetTempPath(),
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString());
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Dimona__DatabasePath"] = databasePath;
        start.Environment["Dimona__Auth__SigningKeys__0"] = TestTokens.Key;
        start.Environment["Dimona__Auth__Issuer"] = TestTokens.Issuer;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            // An empty value takes the variable away, e.g. the test signing key set above.
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        process = new OsProcess { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(isError: false, e.Data);
        process.ErrorDataReceived += (_, e) => Record(isError: true, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DatabasePath { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output so far, line by line.</summary>
    public IReadOnlyList<string> StandardOutput => Snapshot(isError: false);

    /// <summary>Standard error so far, line by line.</summary>
    public IReadOnlyList<string> StandardError => Snapshot(isError: true);

    /// <summary>Both streams so far, in the order the lines arrived, each marked "out|" or "err|": for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines.Select(l => (l.IsError ? "err| " : "out| ") + l.Line));
            }
        }
    }

    /// <summary>
    /// Starts the server on <paramref name="databasePath"/>, or on a new temporary file that disposing deletes, with
    /// <paramref name="environment"/> added to its environment, on <paramref name="port"/> or a free one.
    /// </summary>
    public static ServerProcess Start(string? databasePath = null, IReadOnlyDictionary<string, string>? environment = null, int? port = null) =>
        databasePath is null
            ? new ServerProcess(Path.Combine(Path.GetTempPath(), $"dimona-process-{Guid.NewGuid():N}.db"), ownsDatabase: true, environment, port)
            : new ServerProcess(databasePath, ownsDatabase: false, environment, port);

    /// <summary>The folder of the server's build output, where it reads its settings and resolves relative paths.</summary>
    public static string ProgramFolder => Path.GetDirectoryName(ServerDll.Value)!;

    /// <summary>Starts the server and waits until it answers SERVING.</summary>
    public static async Task<ServerProcess> StartReadyAsync(string? databasePath, CancellationToken ct)
    {
        var server = Start(databasePath);
        try
        {
            await server.WaitReadyAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A line of a .NET stack trace ("   at Namespace.Type.Method(...)").</summary>
    public static bool IsStackFrame(string line) => StackFrame().IsMatch(line);

    /// <summary>Waits until grpc.health.v1.Health/Check answers SERVING; fails at once if the process exits first.</summary>
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        var health = new Health.HealthClient(CreateChannel());
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was ready.\n{Output}");
            }
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The server did not answer SERVING within {StartTimeout}.\n{Output}");
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>
    /// A channel to the server over loopback HTTP/2 whose calls carry <see cref="TestTokens.Default"/>;
    /// <paramref name="configure"/> may tune the handler. Disposed with the server.
    /// </summary>
    public GrpcChannel CreateChannel(Action<SocketsHttpHandler>? configure = null) => CreateChannel(TestTokens.Default, configure);

    /// <summary>A channel whose calls carry <paramref name="token"/>, or none when it is null.</summary>
    public GrpcChannel CreateChannel(string? token, Action<SocketsHttpHandler>? configure = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false };
        configure?.Invoke(handler);
        var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, handler), DisposeHttpClient = true });
        lock (channels)
        {
            channels.Add(channel);
        }
        return channel;
    }

    /// <summary>Sends SIGTERM: the orderly shutdown an operator or orchestrator asks for.</summary>
    public void Terminate() => Signal("-TERM");

    private void Signal(string signal)
    {
        using var kill = OsProcess.Start(new ProcessStartInfo("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        if (!kill.WaitForExit(10_000) || kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} did not succeed.");
        }
    }

    /// <summary>Sends SIGSTOP: the process freezes, its connections open but silent, as a hung machine would be.</summary>
    public void Freeze() => Signal("-STOP");

    /// <summary>Sends SIGKILL: the process dies at once, as in a crash or power loss of the process.</summary>
    public void Kill() => process.Kill();

    /// <summary>Waits for the process to end and returns its exit code; fails with the output after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The server did not exit within {timeout}.\n{Output}");
        }
        return process.ExitCode;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> lines of either stream match; returns how many do.</summary>
    public async Task<int> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int found;
            lock (lines)
            {
                found = lines.Count(l => match(l.Line));
            }
            if (found >= count || clock.Elapsed > timeout)
            {
                return found;
            }
            await Task.Delay(50, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (channels)
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
            channels.Clear();
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(limit.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or already gone.
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"--- server on {Address} (pid {process.Id}) ---\n{Tail(Output, 300)}");
        process.Dispose();
        if (ownsDatabase)
        {
            TempPaths.DeleteDatabase(DatabasePath);
        }
    }

    private void Record(bool isError, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add((isError, line));
            }
        }
    }

    private List<string> Snapshot(bool isError)
    {
        lock (lines)
        {
            return [.. lines.Where(l => l.IsError == isError).Select(l => l.Line)];
        }
    }

    private static string Tail(string text, int maxLines)
    {
        var all = text.Split('\n');
        return all.Length <= maxLines ? text : $"({all.Length - maxLines} earlier lines left out)\n" + string.Join('\n', all[^maxLines..]);
    }


    /// <summary>The dotnet host running the tests when it can be told, else "dotnet" from the PATH.</summary>
    /// <summary>The dotnet host running the tests, to run the server and other built programs with.</summary>
    public static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>The server's own build output in the test assembly's configuration, found from the folder holding Dimona.Grpc.sln.</summary>
    /// <summary>The repository's root folder, the one holding Dimona.Grpc.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// <paramref name="assembly"/> in the build output of the project in <paramref name="projectFolder"/> (relative to
    /// the repository root), built in the tests' own configuration.
    /// </summary>
    public static string BuiltAssembly(string projectFolder, string assembly)
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot, projectFolder, "bin", configuration, "net10.0", assembly);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{projectFolder} is not built in {configuration}.", dll);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dimona.Grpc.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Dimona.Grpc.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
