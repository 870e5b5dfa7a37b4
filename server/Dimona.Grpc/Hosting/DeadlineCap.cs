using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// The service's ceiling on a unary call's deadline (<see cref="LimitOptions.MaxDeadline"/>): a call asking for more
/// time, or for none, runs under the ceiling instead and ends DEADLINE_EXCEEDED when it passes. A submission already
/// handed to the writer is still stored, as with any deadline: a retry with the same request_id returns it.
/// </summary>
public sealed class DeadlineCap(IOptions<LimitOptions> options) : Interceptor
{
    private const string HttpContextKey = "__HttpContext";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var max = options.Value.MaxDeadline;
        // gRPC deadlines are wall-clock times, whatever clock the rules run on.
        var ceiling = DateTime.UtcNow + max;
        if (max <= TimeSpan.Zero || context.Deadline <= ceiling)
        {
            return await continuation(request, context);
        }
        // GetHttpContext() finds the HttpContext of a context it does not know under this key of its UserState.
        context.UserState[HttpContextKey] = context.GetHttpContext();
        using var capped = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        capped.CancelAfter(max);
        try
        {
            return await continuation(request, new CappedCallContext(context, ceiling, capped.Token));
        }
        catch (OperationCanceledException) when (capped.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"The call ran past the service's maximum deadline of {Describe(max)}."));
        }
    }

    /// <summary>A ceiling as people read it: "1.5 s" from a second up, "200 ms" or "0.5 ms" below.</summary>
    public static string Describe(TimeSpan ceiling) => ceiling >= TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{ceiling.TotalSeconds:0.###} s")
        : string.Create(CultureInfo.InvariantCulture, $"{ceiling.TotalMilliseconds:0.###} ms");

    /// <summary>The call's own context with an earlier deadline and the token that it cancels.</summary>
    private sealed class CappedCallContext(ServerCallContext inner, DateTime deadline, CancellationToken token) : ServerCallContext
    {
        protected override string MethodCore => inner.Method;

        protected override string HostCore => inner.Host;

        protected override string PeerCore => inner.Peer;

        protected override DateTime DeadlineCore => deadline;

        protected override Metadata RequestHeadersCore => inner.RequestHeaders;

        protected override CancellationToken CancellationTokenCore => token;

        protected override Metadata ResponseTrailersCore => inner.ResponseTrailers;

        protected override Status StatusCore
        {
            get => inner.Status;
            set => inner.Status = value;
        }

        protected override WriteOptions? WriteOptionsCore
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        protected override AuthContext AuthContextCore => inner.AuthContext;

        protected override IDictionary<object, object> UserStateCore => inner.UserState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            inner.CreatePropagationToken(options);

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);
    }
}
