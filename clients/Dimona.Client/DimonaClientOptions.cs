namespace Dimona.Client;

/// <summary>How the client reaches the service and how long it waits.</summary>
public sealed class DimonaClientOptions
{
    /// <summary>The service's address; plain-text HTTP/2 for <c>http://</c>, TLS for <c>https://</c>.</summary>
    public Uri Address { get; set; } = new("http://localhost:5000");

    /// <summary>
    /// The deadline of a unary call that does not set its own. Streams (<c>SubmitDeclarationBatch</c>) get none: a
    /// bulk upload takes as long as it takes unless the caller says otherwise.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts of a call that fails with <c>UNAVAILABLE</c>, the first included (at least 1: no retry; gRPC caps it
    /// at 5). Only calls that are safe to repeat are retried: reads, and submissions, which carry a request id.
    /// </summary>
    public int MaxAttempts { get; set; } = 4;
}
