using Dimona.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dimona.Client;

/// <summary>
/// What the client adds to every call before it leaves: the default deadline on unary calls that have none, and a
/// new request id on every submission that has none (a batch's items included), set on the caller's own message so
/// that the caller can resend it with the same id. Retries happen after this, so every attempt carries the same id.
/// </summary>
public sealed class DimonaCallDefaults(TimeSpan deadline) : Interceptor
{
    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        GiveRequestId(request);
        return continuation(request, WithDeadline(context));
    }

    /// <inheritdoc />
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        GiveRequestId(request);
        return continuation(request, WithDeadline(context));
    }

    /// <inheritdoc />
    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(context);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new RequestIdWriter<TRequest>(call.RequestStream),
            call.ResponseStream,
            call.ResponseHeadersAsync,
            call.GetStatus,
            call.GetTrailers,
            call.Dispose);
    }

    /// <summary>Gives a new request id to <paramref name="request"/>, or to each of its items, where it has none.</summary>
    public static void GiveRequestId(object? request)
    {
        switch (request)
        {
            case SubmitDeclarationRequest submission when submission.RequestId.Length == 0:
                submission.RequestId = Guid.NewGuid().ToString();
                break;
            case SubmitDeclarationBatchRequest batch:
                foreach (var item in batch.Items)
                {
                    GiveRequestId(item);
                }

                break;
        }
    }

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        context.Options.Deadline is null
            ? new(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + deadline))
            : context;

    private sealed class RequestIdWriter<T>(IClientStreamWriter<T> inner) : IClientStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message)
        {
            GiveRequestId(message);
            return inner.WriteAsync(message);
        }

        public Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            GiveRequestId(message);
            return inner.WriteAsync(message, cancellationToken);
        }

        public Task CompleteAsync() => inner.CompleteAsync();
    }
}
