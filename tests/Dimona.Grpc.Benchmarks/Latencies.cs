using System.Diagnostics;

namespace Dimona.Grpc.Benchmarks;

/// <summary>Latencies of one measured step, recorded from any thread; percentiles by nearest rank.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly double[] milliseconds = new double[capacity];
    private int count;

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void AddSince(long startTimestamp)
    {
        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        var slot = Interlocked.Increment(ref count) - 1;
        if (slot < milliseconds.Length)
        {
            milliseconds[slot] = ms;
        }
    }

    public LatencySummary Summarize()
    {
        var n = Math.Min(Volatile.Read(ref count), milliseconds.Length);
        if (n == 0)
        {
            return new LatencySummary(0, 0, 0, 0);
        }
        var sorted = milliseconds[..n];
        Array.Sort(sorted);
        return new LatencySummary(n, At(0.50), At(0.99), sorted[^1]);

        double At(double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * n) - 1, 0, n - 1)];
    }
}

internal readonly record struct LatencySummary(int Count, double P50, double P99, double Max)
{
    public override string ToString() => $"p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms";
}
