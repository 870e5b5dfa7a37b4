using System.Collections.Concurrent;
using Dimona.Grpc.Domain;

namespace Dimona.Grpc.Security;

/// <summary>
/// The callers of tokens already validated, by the authorization metadata that carried them, so that a client's every
/// call does not pay for checking the same token again. Each is kept until the token expires or for
/// <see cref="MaxAge"/>, whichever comes first: a signing key taken out of the configuration stops being honoured
/// within that time. At most <see cref="Capacity"/> are kept; past it the cache starts again empty.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time)
{
    public const int Capacity = 10_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset Until)> callers = new(StringComparer.Ordinal);

    /// <summary>The caller of a token validated less than <see cref="MaxAge"/> ago and not expired; null when none.</summary>
    public Caller? Find(string authorization) =>
        callers.TryGetValue(authorization, out var entry) && time.GetUtcNow() < entry.Until ? entry.Caller : null;

    /// <summary>Remembers the caller of a token just validated, which expires at <paramref name="expires"/>.</summary>
    public void Add(string authorization, Caller caller, DateTimeOffset? expires)
    {
        if (callers.Count >= Capacity)
        {
            callers.Clear();
        }
        var until = time.GetUtcNow() + MaxAge;
        callers[authorization] = (caller, expires is { } end && end < until ? end : until);
    }
}
