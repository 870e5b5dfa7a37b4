using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dimona.Client;
using Dimona.Grpc.Benchmarks;
using Dimona.V1;
using Grpc.Net.Client;
using Dimona.Grpc.Tests.PostgreSql;
using Dimona.Grpc.Tests.Process;
using Microsoft.Data.Sqlite;

// The benchmark of the issue, every figure from one run on one machine (see Options.Usage, or --help):
//   1. ceiling  raw prepared inserts of the service's rows in one transaction, synchronous=FULL (no server);
//   2. commit   one declaration per durable transaction, one after the other (no server);
//   then the server is started on a fresh database (or --address is used) and answers:
//   3. batch    SubmitDeclarationBatch end to end, all rules;
//   3b. client  the same through the client library's SubmitBatchAsync, against 3 in the same run;
//   4. unary    SubmitDeclaration at 1, 16 and 64 callers;
//   5. get      GetDeclaration at 64 callers over numbers answered by 3 and 4;
//   6. memory   the server's peak resident memory while one million declarations stream through;
// and a markdown table of every figure against its target closes the run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Options options;
try
{
    options = Options.Parse(args);
}
catch (UsageException e)
{
    if (e.HelpAsked)
    {
        Console.WriteLine(Options.Usage);
        return 0;
    }
    Console.Error.WriteLine($"error: {e.Message}\n\n{Options.Usage}");
    return 2;
}

string[] serviceSteps = ["batch", "client", "unary", "get", "memory"];
var usesService = serviceSteps.Any(options.Runs);
string? dll = null;
if (usesService && options.Address is null)
{
    dll = options.Server ?? DefaultServer();
    if (dll is null || !File.Exists(dll))
    {
        Console.Error.WriteLine($"error: no server at {dll ?? "server/Dimona.Grpc/bin/Release/net10.0/Dimona.Grpc.dll (no Dimona.Grpc.sln above this folder)"}. "
            + "Build it first with `dotnet build -c Release server/Dimona.Grpc`, or give --server PATH or --address URL.");
        return 1;
    }
}

// Ctrl+C or SIGTERM: stop measuring, stop the server, delete the temporary files.
using var cancel = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
var ct = cancel.Token;

var work = Path.Combine(options.Directory, $"dimona-bench-{Guid.NewGuid():N}"[..21]);
Directory.CreateDirectory(work);
var workload = new Workload(Random.Shared.NextInt64(Workload.NissCount), DateOnly.FromDateTime(DateTime.UtcNow));
var results = new Results();
// One set of figures per database the service steps ran on; the storage steps are SQLite's.
var runs = new List<(string Provider, Results Results)>();
PostgresCluster? cluster = null;
using var self = Process.GetCurrentProcess();

Console.WriteLine($"Dimona.Grpc benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var loadBefore = Report.Load();
Console.WriteLine($"machine: {Report.Machine(work)}; load average {loadBefore} (1/5/15 min)");
Console.WriteLine($"server:  {(dll is not null ? Report.ServerBuild(dll) : options.Address ?? "none (no service step)")}");
Console.WriteLine($"steps:   {string.Join(',', Options.AllSteps.Where(options.Runs))}; declarations: STG {workload.StartDate:yyyy-MM-dd}..{workload.EndDate:yyyy-MM-dd} "
    + $"(3 in 4) and open-ended OTH (1 in 4) for employer {Workload.EnterpriseNumber}, a worker of its own each");
Console.WriteLine();

try
{
    if ((options.Runs("ceiling") || options.Runs("commit")) && options.Providers.Contains("sqlite"))
    {
        await MeasureStorageAsync();
    }
    if (!usesService)
    {
        runs.Add(("sqlite", results));
    }
    foreach (var provider in usesService ? options.Providers : [])
    {
        if (runs.Count > 0)
        {
            results = new Results();
        }
        runs.Add((provider, results));
        await MeasureServiceAsync(provider);
    }
}
catch (Exception) when (ct.IsCancellationRequested) // cancelled calls end as RpcException(Cancelled) as well
{
    Console.Error.WriteLine("interrupted");
    return 130;
}
finally
{
    SqliteConnection.ClearAllPools();
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
    }
    if (options.Keep)
    {
        Console.WriteLine($"kept: {work}");
    }
    else
    {
        Directory.Delete(work, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine($"Machine: {Report.Machine(work)}; load average {loadBefore} before the run, {Report.Load()} after (1/5/15 min).");
Console.WriteLine($"Server: {(dll is not null ? Report.ServerBuild(dll) : options.Address)}.");
Console.WriteLine();
foreach (var (provider, figures) in runs)
{
    if (runs.Count > 1)
    {
        Console.WriteLine($"On {provider}:");
        Console.WriteLine();
    }
    Console.Write(Report.Table(figures));
    Console.WriteLine();
}
if (runs.Count == 2)
{
    Console.WriteLine("PostgreSQL against SQLite, same run:");
    Console.WriteLine();
    Console.Write(Report.Ratios(runs[0].Results, runs[1].Results));
}
return 0;

async Task MeasureStorageAsync()
{
    var db = Path.Combine(work, "ceiling.db");
    await Ceiling.CreateDatabaseAsync(db, ct);
    SqliteConnection.ClearAllPools();
    Console.WriteLine($"schema: the service's EF migrations and demo employers in {db}; {Ceiling.ReadBackPragmas(db)}");

    if (options.Runs("ceiling"))
    {
        var c = results.Ceiling = Ceiling.MeasureOneTransaction(db, workload, options.CeilingDeclarations);
        Console.WriteLine($"ceiling: {c.Declarations:N0} declarations ({2 * c.Declarations:N0} rows, ReceivedJson {c.AverageJsonLength} chars on average) "
            + $"in one transaction: inserts {c.Inserting.TotalSeconds:F2} s + commit {c.Committing.TotalSeconds:F2} s "
            + $"= {c.DeclarationsPerSecond:N0} declarations/s ({2 * c.DeclarationsPerSecond:N0} rows/s)");
    }
    if (options.Runs("commit"))
    {
        var s = results.Commit = Ceiling.MeasureSingleCommits(db, workload, TimeSpan.FromSeconds(options.CommitSeconds));
        Console.WriteLine($"commit: {s.Commits:N0} transactions of one declaration in {s.Elapsed.TotalSeconds:F1} s "
            + $"= {s.CommitsPerSecond:N0} commits/s; per commit {s.Latency}");
    }
}

async Task MeasureServiceAsync(string provider)
{
    ServerProcess? server = null;
    var address = options.Address;
    if (address is null)
    {
        var port = LoopbackPort.Free();
        var folder = Directory.CreateDirectory(Path.Combine(work, $"server-{provider}")).FullName;
        List<KeyValuePair<string, string>> environment = [.. options.ServerEnvironment];
        if (provider == "postgresql")
        {
            // A cluster of its own, with PostgreSQL's durable defaults (fsync on), as SQLite's synchronous=FULL.
            cluster ??= await PostgresCluster.StartAsync(durable: true, ct);
            cluster.CreateDatabase("dimona_bench");
            environment.Add(new("Dimona__Database__Provider", "PostgreSql"));
            environment.Add(new("Dimona__Database__ConnectionString", cluster.ConnectionString("dimona_bench")));
            Console.WriteLine($"database: PostgreSQL, a throwaway cluster on 127.0.0.1:{cluster.Port} (fsync on)");
        }
        else
        {
            Console.WriteLine($"database: SQLite, {Path.Combine(folder, "dimona.db")}");
        }
        server = ServerProcess.Start(dll!, Path.Combine(folder, "dimona.db"), port, Path.Combine(folder, "server.log"), environment);
        address = $"http://127.0.0.1:{port}";
    }
    var pid = server?.Pid ?? options.Pid;
    var token = BenchmarkToken.Use(server is not null);
    using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new BearerToken(new DimonaClientOptions { Token = token }) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });
    var client = new DimonaService.DimonaServiceClient(channel);
    try
    {
        var starting = Stopwatch.StartNew();
        await ServerProcess.WaitUntilAnsweringAsync(client, server, TimeSpan.FromSeconds(60), ct);
        Console.WriteLine($"server: answering at {address} after {starting.Elapsed.TotalSeconds:F1} s" + (pid is { } p ? $", pid {p}, RSS {Rss(p)}" : ""));
        var numbers = new NumberPool(200_000);
        var batchSupported = await BatchAsync(client, address, numbers, pid);
        if (options.Runs("unary"))
        {
            await UnaryAsync(client, numbers, pid);
        }
        if (options.Runs("get"))
        {
            await GetAsync(client, numbers, pid);
        }
        if (options.Runs("memory"))
        {
            await MemoryAsync(client, pid, batchSupported);
        }
    }
    catch (Exception) when (!ct.IsCancellationRequested && server is not null)
    {
        Console.Error.WriteLine($"server log, last lines:\n{server.LogTail()}");
        throw;
    }
    finally
    {
        if (server is not null)
        {
            Console.WriteLine($"server: {await server.StopAsync()}; log {new FileInfo(server.LogPath).Length / 1024.0 / 1024.0:F1} MB");
            await server.DisposeAsync();
        }
    }
}

// A short unmeasured stream first (connection, JIT, first queries), which also tells whether the server has the RPC.
async Task<bool> BatchAsync(DimonaService.DimonaServiceClient client, string address, NumberPool numbers, int? pid)
{
    if (!options.Runs("batch") && !options.Runs("memory"))
    {
        return false;
    }
    if (await Rpc.BatchAsync(client, workload, Math.Min(2 * options.PerMessage, 2000), options.PerMessage, options.Window, numbers, ct) is null)
    {
        Console.WriteLine("batch: not supported by this server");
        results.BatchNote = results.MemoryNote = "not supported by this server";
        return false;
    }
    if (!options.Runs("batch"))
    {
        return true;
    }
    var cpu = CpuNow(pid);
    await using var sampler = pid is { } p ? new MemorySampler(p) : null;
    var b = (await Rpc.BatchAsync(client, workload, options.BatchDeclarations, options.PerMessage, options.Window, numbers, ct))!;
    results.Batch = b;
    var share = results.Ceiling is { } c ? $" = {b.PerSecond / c.DeclarationsPerSecond * 100:F0}% of the ceiling" : "";
    Console.WriteLine($"batch: {b.Declarations:N0} declarations in messages of {options.PerMessage}, {options.Window} in flight, in {b.Elapsed.TotalSeconds:F1} s "
        + $"= {b.PerSecond:N0} declarations/s end to end{share}");
    Console.WriteLine($"       {b.Tally}; message answered in {b.MessageLatency}; {CpuSince(cpu, pid, b.Elapsed)}"
        + (sampler is null ? "" : $"; server RSS peak {sampler.PeakKb / 1024.0:N0} MB"));
    if (options.Runs("client"))
    {
        cpu = CpuNow(pid);
        var l = results.LibraryBatch = await Rpc.LibraryBatchAsync(
            new Uri(address), workload, options.BatchDeclarations, options.PerMessage, options.Window, ct);
        Console.WriteLine($"client: {l.Declarations:N0} declarations through Dimona.Client's SubmitBatchAsync in {l.Elapsed.TotalSeconds:F1} s "
            + $"= {l.PerSecond:N0} declarations/s = {l.PerSecond / b.PerSecond:F2}× the raw batch stream; {l.Tally}; {CpuSince(cpu, pid, l.Elapsed)}");
    }
    return true;
}

async Task UnaryAsync(DimonaService.DimonaServiceClient client, NumberPool numbers, int? pid)
{
    await Rpc.UnaryAsync(client, workload, 100, 16, numbers, ct); // warm-up, not measured
    foreach (var callers in options.Callers)
    {
        var cpu = CpuNow(pid);
        var u = await Rpc.UnaryAsync(client, workload, options.CallsAt(callers), callers, numbers, ct);
        results.Unary.Add(u);
        var perCommit = results.Commit is { } s ? $" = {u.PerSecond / s.CommitsPerSecond:F2}× the commit rate" : "";
        Console.WriteLine($"unary: {callers,2} caller{(callers == 1 ? " " : "s")} {u.Calls:N0} calls in {u.Elapsed.TotalSeconds:F1} s = {u.PerSecond:N0} declarations/s{perCommit}; "
            + $"{u.Latency}; {u.Tally}; {CpuSince(cpu, pid, u.Elapsed)}");
    }
}

async Task GetAsync(DimonaService.DimonaServiceClient client, NumberPool numbers, int? pid)
{
    if (numbers.Count == 0)
    {
        Console.WriteLine("get: submitting 1,000 declarations to read first");
        await Rpc.UnaryAsync(client, workload, 1000, 64, numbers, ct);
    }
    var cpu = CpuNow(pid);
    var g = results.Get = await Rpc.GetAsync(client, numbers, options.GetCalls, options.GetCallers, ct);
    Console.WriteLine($"get: {g.Callers} callers {g.Calls:N0} calls over {numbers.Count:N0} numbers in {g.Elapsed.TotalSeconds:F1} s = {g.PerSecond:N0} calls/s; "
        + $"{g.Latency}; {g.Tally}; {CpuSince(cpu, pid, g.Elapsed)}");
}

async Task MemoryAsync(DimonaService.DimonaServiceClient client, int? pid, bool batchSupported)
{
    if (pid is not { } p)
    {
        Console.WriteLine("memory: skipped, the server's pid is unknown (give --pid with --address)");
        results.MemoryNote = "skipped: server pid unknown";
        return;
    }
    if (!batchSupported)
    {
        Console.WriteLine("memory: skipped, the server has no batch stream");
        return;
    }
    var startKb = MemorySampler.ReadKb(p, "VmRSS") ?? 0;
    var reset = MemorySampler.ResetHighWaterMark(p);
    var cpu = CpuNow(pid);
    StreamResult stream;
    long peakKb;
    int samples;
    await using (var sampler = new MemorySampler(p))
    {
        stream = (await Rpc.BatchAsync(client, workload, options.MemoryDeclarations, options.PerMessage, options.Window, null, ct))!;
        peakKb = sampler.PeakKb;
        samples = sampler.Samples;
    }
    var m = results.Memory = new MemoryResult(stream, startKb, peakKb, MemorySampler.ReadKb(p, "VmHWM"), reset, samples);
    Console.WriteLine($"memory: {stream.Declarations:N0} declarations streamed in {stream.Elapsed.TotalSeconds:F1} s = {stream.PerSecond:N0} declarations/s; {stream.Tally}; "
        + CpuSince(cpu, pid, stream.Elapsed));
    Console.WriteLine($"        server RSS {startKb / 1024.0:N0} MB before; peak {peakKb / 1024.0:N0} MB over {samples:N0} samples (100 ms); "
        + $"VmHWM {m.HighWaterMarkKb / 1024.0:N0} MB {(reset ? "since the stream began" : "since the server started (could not reset it)")}");
}

void Interrupt(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancel.Cancel();
}

(TimeSpan? Server, TimeSpan Self) CpuNow(int? pid)
{
    self.Refresh();
    return (pid is { } p ? MemorySampler.CpuTime(p) : null, self.TotalProcessorTime);
}

// CPU used during a step, in cores (the machine has Environment.ProcessorCount of them).
string CpuSince((TimeSpan? Server, TimeSpan Self) before, int? pid, TimeSpan elapsed)
{
    var now = CpuNow(pid);
    var server = now.Server - before.Server is { } s ? $"server {s / elapsed:F2}, " : "";
    return $"CPU cores used: {server}benchmark {(now.Self - before.Self) / elapsed:F2}";
}

static string Rss(int pid) => MemorySampler.ReadKb(pid, "VmRSS") is { } kb ? $"{kb / 1024.0:N0} MB" : "?";

// server/Dimona.Grpc/bin/Release/net10.0/Dimona.Grpc.dll of the repository above the current folder (or above this program).
static string? DefaultServer()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dimona.Grpc.sln")))
            {
                return Path.Combine(dir.FullName, "server", "Dimona.Grpc", "bin", "Release", "net10.0", "Dimona.Grpc.dll");
            }
        }
    }
    return null;
}
