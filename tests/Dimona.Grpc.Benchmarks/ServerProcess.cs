using System.Diagnostics;
using System.Globalization;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Benchmarks;

/// <summary>
/// The service as its own process (<c>dotnet Dimona.Grpc.dll</c>) on a fresh database and a free loopback port, its
/// output going straight to a log file so that the benchmark spends no CPU on it.
/// </summary>
internal sealed class ServerProcess(Process process, string logPath) : IAsyncDisposable
{
    public int Pid => process.Id;

    public string LogPath => logPath;

    public static ServerProcess Start(string dll, string databasePath, int port, string logPath, IEnumerable<KeyValuePair<string, string>> environment)
    {
        // exec: the shell becomes the server, so the pid is the server's (for SIGTERM and /proc/<pid>/status).
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!, // content root: the server's appsettings.json is read from here
        };
        foreach (var arg in new[] { "-c", "exec dotnet \"$0\" >\"$1\" 2>&1", dll, logPath })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Dimona__DatabasePath"] = databasePath;
        start.Environment["Kestrel__Endpoints__Http__Url"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["Kestrel__EndpointDefaults__Protocols"] = "Http2";
        foreach (var (key, value) in BenchmarkToken.ServerEnvironment)
        {
            start.Environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("The server did not start."), logPath);
    }


    /// <summary>Waits until the service answers IdentifyEmployer for the demo employer (database migrated and seeded).</summary>
    public static async Task WaitUntilAnsweringAsync(DimonaService.DimonaServiceClient client, ServerProcess? process, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var request = new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Workload.EnterpriseNumber } };
        while (true)
        {
            try
            {
                await client.IdentifyEmployerAsync(request, deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: ct);
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && clock.Elapsed < timeout)
            {
                if (process is { HasExited: true })
                {
                    throw new InvalidOperationException($"The server exited with code {process.ExitCode} before answering; its log:\n{process.LogTail()}");
                }
                await Task.Delay(200, ct);
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Asks the server to stop (SIGTERM, as a service manager would), then kills it if it is still there after 30 s.</summary>
    public async Task<string> StopAsync()
    {
        if (process.HasExited)
        {
            return $"had already exited with code {process.ExitCode}";
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return string.Create(CultureInfo.InvariantCulture, $"stopped on SIGTERM in {clock.Elapsed.TotalSeconds:F1} s (exit code {process.ExitCode})");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return "did not stop within 30 s of SIGTERM: killed";
        }
    }

    public string LogTail(int lines = 30)
    {
        try
        {
            return string.Join('\n', File.ReadLines(logPath).TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await StopAsync();
        }
        process.Dispose();
    }
}

/// <summary>
/// The resident memory of a process, from /proc/&lt;pid&gt;/status: VmRSS sampled every 100 ms, and the kernel's own
/// high-water mark VmHWM, which <see cref="ResetHighWaterMark"/> restarts (echo 5 &gt; /proc/&lt;pid&gt;/clear_refs).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peakKb;
    private int samples;

    public MemorySampler(int pid)
    {
        this.pid = pid;
        sampling = Task.Run(SampleAsync);
    }

    public long PeakKb => Interlocked.Read(ref peakKb);

    public int Samples => Volatile.Read(ref samples);

    public static long? ReadKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    /// <summary>Restarts the kernel's VmHWM at the current RSS (Linux 4.0+); false when not allowed.</summary>
    public static bool ResetHighWaterMark(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            if (ReadKb(pid, "VmRSS") is { } rss)
            {
                InterlockedMax(ref peakKb, rss);
                Interlocked.Increment(ref samples);
            }
        }
        while (await Next(timer));
    }

    private async Task<bool> Next(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
