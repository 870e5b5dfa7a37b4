using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// The outermost interceptor: counts every call by method and status, each submission's result (status and anomaly
/// codes) or error reason, batch items one by one, and the size of each batch message.
/// </summary>
public sealed class MetricsInterceptor(DimonaMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            metrics.Call(context.Method, StatusCode.OK);
            if (response is V1.SubmitDeclarationResponse submitted)
            {
                metrics.Declared(submitted.Declaration, (request as V1.SubmitDeclarationRequest)?.ValidateOnly == true);
            }
            return response;
        }
        catch (RpcException e)
        {
            metrics.Call(context.Method, e.StatusCode);
            if (request is V1.SubmitDeclarationRequest)
            {
                metrics.Refused(e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? e.StatusCode.ToString());
            }
            throw;
        }
        catch (Exception)
        {
            metrics.Call(context.Method, StatusCode.Unknown);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (requestStream is IAsyncStreamReader<V1.SubmitDeclarationBatchRequest> requests
            && responseStream is IServerStreamWriter<V1.SubmitDeclarationBatchResponse> responses)
        {
            requestStream = (IAsyncStreamReader<TRequest>)(object)new BatchStreamTap.Reader(requests, message => metrics.BatchMessage(message.Items.Count));
            responseStream = (IServerStreamWriter<TResponse>)(object)new BatchStreamTap.Writer(responses, Counted);
        }
        try
        {
            await continuation(requestStream, responseStream, context);
            metrics.Call(context.Method, StatusCode.OK);
        }
        catch (RpcException e)
        {
            metrics.Call(context.Method, e.StatusCode);
            throw;
        }
        catch (Exception)
        {
            metrics.Call(context.Method, StatusCode.Unknown);
            throw;
        }
    }

    /// <summary>Counts each item's result or error in a batch response on its way out.</summary>
    private V1.SubmitDeclarationBatchResponse Counted(V1.SubmitDeclarationBatchResponse message)
    {
        foreach (var result in message.Results)
        {
            if (result.ResultCase == V1.BatchItemResult.ResultOneofCase.Declaration)
            {
                metrics.Declared(result.Declaration, preview: result.Declaration.DeclarationNumber.Length == 0);
            }
            else
            {
                metrics.Refused(result.Error.GetDetail<ErrorInfo>()?.Reason ?? ((StatusCode)result.Error.Code).ToString());
            }
        }
        return message;
    }
}
