using System.Threading.RateLimiting;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Security;
using Dimona.Grpc.Services;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// One token bucket per key (<see cref="RateLimitOptions"/>): the employer a call acts for, else the caller. Off when
/// PermitsPerSecond is zero.
/// </summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string>? limiter;

    public RateLimits(IOptions<RateLimitOptions> options)
    {
        var perSecond = options.Value.PermitsPerSecond;
        if (perSecond <= 0)
        {
            return;
        }
        TokenLimit = Math.Max(options.Value.Burst, perSecond);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = TokenLimit,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        };
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    /// <summary>Whether any call is limited.</summary>
    public bool Enabled => limiter is not null;

    /// <summary>The bucket's size: what one key may take at once.</summary>
    public int TokenLimit { get; }

    /// <summary>
    /// Takes <paramref name="count"/> permits (at most a whole bucket) for <paramref name="key"/>: null when granted,
    /// else how long to wait before trying again.
    /// </summary>
    public TimeSpan? TryTake(string key, int count)
    {
        if (limiter is null)
        {
            return null;
        }
        using var lease = limiter.AttemptAcquire(key, Math.Min(count, TokenLimit));
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    /// <summary>The refusal a caller sees: RESOURCE_EXHAUSTED, reason RATE_LIMITED, with a RetryInfo.</summary>
    public static Google.Rpc.Status Refusal(string key, TimeSpan retryAfter)
    {
        var wait = TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds));
        var status = new Failure(FailureKind.ResourceExhausted, "RATE_LIMITED",
            $"Too many requests for {key}: nothing was stored; retry in {wait.TotalSeconds:0} s.", []).ToStatus();
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(wait) }));
        return status;
    }

    /// <summary>The caller's own key: the token's subject, else (no token) the peer's address.</summary>
    public static string CallerKey(ServerCallContext context) =>
        CallerInterceptor.CallerOf(context) is { Secured: true } caller
            ? $"client {caller.Subject}"
            : $"address {context.GetHttpContext().Connection.RemoteIpAddress}";

    /// <summary>
    /// The bucket a call or a batch item takes its permits from. The employer it names when its caller acts for that
    /// employer: a token naming that number, or, on the unsecured channel, that employer's bucket for calls without a
    /// token (so anonymous calls never use up what the employer's own clients may make). Otherwise, and for calls
    /// naming no employer, the caller's own (<see cref="CallerKey"/>): a call for an employer the caller may not act
    /// for never touches that employer's bucket.
    /// </summary>
    public static string Key(V1.EmployerId? employer, Caller caller, ServerCallContext context) => EmployerNumber(employer) switch
    {
        { } number when !caller.Secured => $"unsecured employer {number}",
        { } number when caller.Employers.Contains(number) => $"employer {number}",
        _ => CallerKey(context),
    };

    /// <summary>The employer a request acts for, for the requests that name one.</summary>
    public static V1.EmployerId? EmployerOf(object request) => request switch
    {
        V1.SubmitDeclarationRequest r => r.Employer,
        V1.IdentifyEmployerRequest r => r.Employer,
        V1.ListDeclarationsRequest r => r.Employer,
        V1.ListPeriodsRequest r => r.Employer,
        _ => null,
    };

    /// <summary>The number an <see cref="V1.EmployerId"/> gives, in the form a token names it; null when it names none or a malformed one.</summary>
    private static string? EmployerNumber(V1.EmployerId? employer) => RequestCheck.EmployerOrNull(employer) switch
    {
        EmployerId.Enterprise e => e.Number.Value,
        EmployerId.Onss o => o.Number.Value,
        _ => null,
    };

    public void Dispose() => limiter?.Dispose();
}

/// <summary>
/// Applies <see cref="RateLimits"/> to the Dimona service's calls: a unary call takes one permit and is refused
/// RESOURCE_EXHAUSTED (reason RATE_LIMITED, with a RetryInfo) when its bucket is empty. A batch message's items
/// take their permits together, per employer; the items of an employer whose bucket is empty are answered with that
/// refusal in their slots and the stream goes on.
/// </summary>
public sealed class RateLimitInterceptor(RateLimits limits) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (limits.Enabled && IsDimona(context))
        {
            var key = RateLimits.Key(RateLimits.EmployerOf(request), CallerInterceptor.CallerOf(context), context);
            if (limits.TryTake(key, 1) is { } retryAfter)
            {
                throw RateLimits.Refusal(key, retryAfter).ToRpcException();
            }
        }
        return continuation(request, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!limits.Enabled || requestStream is not IAsyncStreamReader<V1.SubmitDeclarationBatchRequest> requests
            || responseStream is not IServerStreamWriter<V1.SubmitDeclarationBatchResponse> responses)
        {
            return continuation(requestStream, responseStream, context);
        }
        var caller = CallerInterceptor.CallerOf(context);
        // The refused items' slots of each message read, in order, for its response.
        var refused = new System.Collections.Concurrent.ConcurrentQueue<List<(int Index, Google.Rpc.Status Status)>>();
        var reader = new BatchStreamTap.Reader(requests, message => refused.Enqueue(Limit(message, item => RateLimits.Key(item.Employer, caller, context))));
        var writer = new BatchStreamTap.Writer(responses, message => Restore(message, refused));
        return continuation((IAsyncStreamReader<TRequest>)(object)reader, (IServerStreamWriter<TResponse>)(object)writer, context);
    }

    private static bool IsDimona(ServerCallContext context) => context.Method.StartsWith("/dimona.", StringComparison.Ordinal);

    /// <summary>Takes a message's permits and removes the refused items: their slots, with the refusal for each.</summary>
    private List<(int Index, Google.Rpc.Status Status)> Limit(V1.SubmitDeclarationBatchRequest message, Func<V1.SubmitDeclarationRequest, string> key)
    {
        var slots = new List<(int Index, Google.Rpc.Status Status)>();
        // A message refused as a whole ends the stream unanswered: it is left as it came.
        if (TolerantParsing.WhyUnparsable(message) is not null || message.Items.Count > DimonaGrpcService.MaxItemsPerMessage)
        {
            return slots;
        }
        var keys = message.Items.Select(key).ToList();
        var refusals = new Dictionary<string, Google.Rpc.Status?>();
        foreach (var group in keys.GroupBy(k => k))
        {
            refusals[group.Key] = limits.TryTake(group.Key, group.Count()) is { } retryAfter ? RateLimits.Refusal(group.Key, retryAfter) : null;
        }
        for (var i = message.Items.Count - 1; i >= 0; i--)
        {
            if (refusals[keys[i]] is { } status)
            {
                slots.Add((i, status));
                message.Items.RemoveAt(i);
            }
        }
        slots.Reverse();
        return slots;
    }

    /// <summary>Puts the refused items back in their slots of each response, in the order the messages were read.</summary>
    private static V1.SubmitDeclarationBatchResponse Restore(
        V1.SubmitDeclarationBatchResponse message, System.Collections.Concurrent.ConcurrentQueue<List<(int Index, Google.Rpc.Status Status)>> refused)
    {
        if (refused.TryDequeue(out var slots))
        {
            foreach (var (index, status) in slots)
            {
                message.Results.Insert(index, new V1.BatchItemResult { Error = status });
            }
        }
        return message;
    }
}
