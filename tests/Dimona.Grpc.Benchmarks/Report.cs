using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Dimona.Grpc.Benchmarks;

/// <summary>Every figure of a run, filled in by the steps that ran.</summary>
internal sealed class Results
{
    public CeilingResult? Ceiling { get; set; }
    public CommitResult? Commit { get; set; }
    public StreamResult? Batch { get; set; }
    public StreamResult? LibraryBatch { get; set; }
    public string? BatchNote { get; set; }
    public List<CallsResult> Unary { get; } = [];
    public CallsResult? Get { get; set; }
    public MemoryResult? Memory { get; set; }
    public string? MemoryNote { get; set; }
}

/// <param name="PeakSampledKb">Highest VmRSS among the 100 ms samples.</param>
/// <param name="HighWaterMarkKb">The kernel's VmHWM at the end: since the reset when <paramref name="HighWaterMarkReset"/>, else since the server started.</param>
internal sealed record MemoryResult(StreamResult Stream, long StartKb, long PeakSampledKb, long? HighWaterMarkKb, bool HighWaterMarkReset, int Samples)
{
    /// <summary>The figure compared with the target: the kernel's peak when it covers only this stream, else the sampled peak.</summary>
    public long PeakKb => HighWaterMarkReset && HighWaterMarkKb is { } hwm ? Math.Max(hwm, PeakSampledKb) : PeakSampledKb;
}

/// <summary>The closing markdown: the machine, then one row per figure with its target and ratio.</summary>
internal static class Report
{
    private const double BatchMinimum = 30_000;
    private const double BatchShareOfCeiling = 0.5;
    private const double UnaryTimesCommit = 4;
    private const int UnaryTargetCallers = 64;
    private const double UnaryP99LimitMs = 25;
    private const double MemoryLimitMb = 500;

    public static string Machine(string databaseDirectory)
    {
        var cpu = ProcFields("/proc/cpuinfo", "model name").FirstOrDefault() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ProcFields("/proc/meminfo", "MemTotal").Select(v => long.Parse(v.Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var kernel = Read("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} × {cpu}, {memKb / 1024.0 / 1024.0:F1} GiB, Linux {kernel}, {RuntimeInformation.FrameworkDescription}; "
            + $"databases on {FileSystem(databaseDirectory)}";
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on a shared machine shows here.</summary>
    public static string Load() => string.Join(' ', (Read("/proc/loadavg") ?? "? ? ?").Split(' ').Take(3));

    /// <summary>The dll's informational version (carries the git commit it was built from) and build time.</summary>
    public static string ServerBuild(string dll)
    {
        var version = FileVersionInfo.GetVersionInfo(dll).ProductVersion ?? "?";
        return $"{dll} {version} (built {File.GetLastWriteTimeUtc(dll):yyyy-MM-dd HH:mm} UTC)";
    }

    public static string Table(Results r)
    {
        var rows = new StringBuilder();
        rows.AppendLine("| figure | measured | target | ratio | met |");
        rows.AppendLine("|---|---:|---|---:|:-:|");

        var ceiling = r.Ceiling?.DeclarationsPerSecond;
        var commit = r.Commit?.CommitsPerSecond;
        Row("Ceiling: raw prepared inserts of the same rows, one transaction, synchronous=FULL",
            r.Ceiling is { } c ? $"{c.DeclarationsPerSecond:N0} decl/s ({2 * c.DeclarationsPerSecond:N0} rows/s)" : null);
        Row("Single durable commit (one declaration per transaction)",
            r.Commit is { } s ? $"{s.CommitsPerSecond:N0} commits/s (p50 {s.Latency.P50:F1} ms, p99 {s.Latency.P99:F1} ms)" : null);

        if (r.Batch is { } b)
        {
            var share = ceiling is { } ce ? b.PerSecond / ce : (double?)null;
            var ratio = (share is { } sh ? $"{sh * 100:F0}% of ceiling; " : "no ceiling measured; ") + $"{b.PerSecond / BatchMinimum:F2}× {BatchMinimum:N0}";
            var met = share is null ? "?" : Met(share >= BatchShareOfCeiling && b.PerSecond >= BatchMinimum);
            Row("Batch stream end to end, all rules", $"{b.PerSecond:N0} decl/s", $"≥ {BatchShareOfCeiling * 100:F0}% of ceiling and ≥ {BatchMinimum:N0} decl/s", ratio, met);
        }
        else
        {
            Row("Batch stream end to end, all rules", r.BatchNote ?? "not measured", $"≥ {BatchShareOfCeiling * 100:F0}% of ceiling and ≥ {BatchMinimum:N0} decl/s");
        }

        if (r.LibraryBatch is { } l)
        {
            Row("Batch stream through the client library (SubmitBatchAsync)", $"{l.PerSecond:N0} decl/s", "",
                r.Batch is { } raw ? $"{l.PerSecond / raw.PerSecond:F2}× the raw batch stream" : "");
        }

        foreach (var u in r.Unary)
        {
            var perCommit = commit is { } cm ? $"{u.PerSecond / cm:F2}× commit rate" : "";
            var latency = $"{u.PerSecond:N0} decl/s, p50 {u.Latency.P50:F1} ms, p99 {u.Latency.P99:F1} ms";
            if (u.Callers == UnaryTargetCallers)
            {
                var ok = commit is { } cr ? u.PerSecond >= UnaryTimesCommit * cr && u.Latency.P99 < UnaryP99LimitMs : (bool?)null;
                Row($"Unary SubmitDeclaration, {u.Callers} callers", latency,
                    $"≥ {UnaryTimesCommit}× commit rate, p99 < {UnaryP99LimitMs} ms", $"{perCommit}; p99 {u.Latency.P99 / UnaryP99LimitMs:F2}× limit",
                    ok is { } v ? Met(v) : "?");
            }
            else
            {
                Row($"Unary SubmitDeclaration, {u.Callers} caller{(u.Callers == 1 ? "" : "s")}", latency, "", perCommit);
            }
        }
        if (r.Unary.Count == 0)
        {
            Row($"Unary SubmitDeclaration, {UnaryTargetCallers} callers", null, $"≥ {UnaryTimesCommit}× commit rate, p99 < {UnaryP99LimitMs} ms");
        }

        Row($"GetDeclaration, {r.Get?.Callers ?? 64} callers",
            r.Get is { } g ? $"{g.PerSecond:N0} calls/s, p50 {g.Latency.P50:F1} ms, p99 {g.Latency.P99:F1} ms" : null);

        if (r.Memory is { } m)
        {
            var mb = m.PeakKb / 1024.0;
            Row($"Server peak RSS while {m.Stream.Declarations:N0} declarations stream through", $"{mb:N0} MB (stream {m.Stream.PerSecond:N0} decl/s)",
                $"< {MemoryLimitMb:N0} MB", $"{mb / MemoryLimitMb:F2}× limit", Met(mb < MemoryLimitMb));
        }
        else
        {
            Row("Server peak RSS while one million declarations stream through", r.MemoryNote ?? "not measured", $"< {MemoryLimitMb:N0} MB");
        }
        return rows.ToString();

        void Row(string figure, string? measured, string target = "", string ratio = "", string met = "") =>
            rows.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {measured ?? "not measured"} | {target} | {ratio} | {met} |");
    }

    /// <summary>The service's figures on PostgreSQL beside SQLite's from the same run, as ratios.</summary>
    public static string Ratios(Results sqlite, Results postgreSql)
    {
        var rows = new StringBuilder();
        rows.AppendLine("| figure | SQLite | PostgreSQL | PostgreSQL / SQLite |");
        rows.AppendLine("|---|---:|---:|---:|");
        if (sqlite.Batch is { } sb && postgreSql.Batch is { } pb)
        {
            Row("Batch stream end to end, all rules", $"{sb.PerSecond:N0} decl/s", $"{pb.PerSecond:N0} decl/s", pb.PerSecond / sb.PerSecond);
        }
        if (sqlite.LibraryBatch is { } sl && postgreSql.LibraryBatch is { } pl)
        {
            Row("Batch stream through the client library", $"{sl.PerSecond:N0} decl/s", $"{pl.PerSecond:N0} decl/s", pl.PerSecond / sl.PerSecond);
        }
        foreach (var su in sqlite.Unary)
        {
            if (postgreSql.Unary.FirstOrDefault(u => u.Callers == su.Callers) is { } pu)
            {
                Row($"Unary SubmitDeclaration, {su.Callers} caller{(su.Callers == 1 ? "" : "s")}: decl/s, p50 / p99",
                    $"{su.PerSecond:N0}, {su.Latency.P50:F1} / {su.Latency.P99:F1} ms", $"{pu.PerSecond:N0}, {pu.Latency.P50:F1} / {pu.Latency.P99:F1} ms",
                    pu.PerSecond / su.PerSecond);
            }
        }
        if (sqlite.Get is { } sg && postgreSql.Get is { } pg)
        {
            Row($"GetDeclaration, {sg.Callers} callers: calls/s, p50 / p99",
                $"{sg.PerSecond:N0}, {sg.Latency.P50:F1} / {sg.Latency.P99:F1} ms", $"{pg.PerSecond:N0}, {pg.Latency.P50:F1} / {pg.Latency.P99:F1} ms",
                pg.PerSecond / sg.PerSecond);
        }
        if (sqlite.Memory is { } sm && postgreSql.Memory is { } pm)
        {
            Row("Server peak RSS while declarations stream through", $"{sm.PeakKb / 1024.0:N0} MB", $"{pm.PeakKb / 1024.0:N0} MB", (double)pm.PeakKb / sm.PeakKb);
        }
        return rows.ToString();

        void Row(string figure, string onSqlite, string onPostgreSql, double ratio) =>
            rows.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {onSqlite} | {onPostgreSql} | {ratio:F2}× |");
    }

    private static string Met(bool ok) => ok ? "yes" : "**no**";

    private static IEnumerable<string> ProcFields(string path, string key) =>
        (Read(path) ?? "").Split('\n')
            .Where(line => line.StartsWith(key, StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());

    /// <summary>The file system type and device of the mount holding <paramref name="directory"/>: fsync costs differ wildly.</summary>
    private static string FileSystem(string directory)
    {
        var best = (Point: "", Text: "an unknown file system");
        foreach (var line in (Read("/proc/mounts") ?? "").Split('\n'))
        {
            var f = line.Split(' ');
            if (f.Length > 2 && (directory.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal) || directory == f[1]) && f[1].Length >= best.Point.Length)
            {
                best = (f[1], $"{f[2]} ({f[0]} on {f[1]})");
            }
        }
        return best.Text;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
