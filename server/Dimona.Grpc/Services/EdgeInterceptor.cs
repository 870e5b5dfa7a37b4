using System.Data.Common;
using Dimona.Grpc.Domain;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dimona.Grpc.Services;

/// <summary>
/// What every call shares at the edge: an unparsable unary request is refused with INVALID_ARGUMENT, a storage
/// failure on a read becomes UNAVAILABLE, and a call its caller gave up on ends CANCELLED, on unary and streaming
/// calls alike, never UNKNOWN.
/// </summary>
public sealed class EdgeInterceptor(ILogger<EdgeInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (TolerantParsing.WhyUnparsable(request) is { } reason)
        {
            throw TolerantParsing.Refuse(logger, context.Method, reason).ToRpcException();
        }
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw StorageFailure(context, e);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw Cancelled;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw StorageFailure(context, e);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw Cancelled;
        }
    }

    /// <summary>The caller went away or ran out of time: what it may still read is CANCELLED, not UNKNOWN.</summary>
    private static RpcException Cancelled => new(new Status(StatusCode.Cancelled, "The call was cancelled by the client or its deadline."));

    /// <summary>
    /// A database exception, or one holding it: EF Core wraps a transient one ("likely due to a transient failure",
    /// an InvalidOperationException) and a retrying strategy's last one (RetryLimitExceededException).
    /// </summary>
    public static bool IsStorageFailure(Exception e)
    {
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException || (cause is AggregateException aggregate && aggregate.InnerExceptions.Any(IsStorageFailure)))
            {
                return true;
            }
        }
        return false;
    }

    private RpcException StorageFailure(ServerCallContext context, Exception e)
    {
        logger.LogWarning("Storage failure in {Method}: {Error}", context.Method, e.GetBaseException().Message);
        return Failure.StorageUnavailable().ToRpcException();
    }
}
