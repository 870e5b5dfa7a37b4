namespace Dimona.Grpc.Hosting;

/// <summary>The sizes and time a call may take: configuration section Dimona:Limits.</summary>
public sealed class LimitOptions
{
    public const string Section = "Dimona:Limits";

    /// <summary>The largest request message, a batch message included (default 4 MiB, gRPC's usual limit).</summary>
    public int MaxReceiveMessageBytes { get; set; } = DimonaExtensions.MaxRequestBytes;

    /// <summary>
    /// The largest response message (default 16 MiB): a batch response to 1000 items, or a page of 1000 declarations,
    /// each with its anomalies, stays far below it.
    /// </summary>
    public int MaxSendMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// The longest a unary call may run (default 60 s; zero for no ceiling): a call with no deadline, or a later one,
    /// gets this one. Batch streams are not capped.
    /// </summary>
    public TimeSpan MaxDeadline { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>Rate limiting per employer: configuration section Dimona:RateLimit. Off unless PermitsPerSecond is above zero.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Dimona:RateLimit";

    /// <summary>Calls (or batch items) each employer may make per second, on average; 0 turns rate limiting off.</summary>
    public int PermitsPerSecond { get; set; }

    /// <summary>How many may come at once after a quiet time (the token bucket's size); at least <see cref="PermitsPerSecond"/>.</summary>
    public int Burst { get; set; }
}
