using Dimona.Grpc.Domain;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dimona.Grpc.Services;

/// <summary>Turns the domain's exceptions into gRPC statuses with an ErrorInfo reason.</summary>
public sealed class DomainErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (NotFoundException e)
        {
            throw Violations.Error(Google.Rpc.Code.NotFound, e.Reason, e.Message);
        }
        catch (RequestIdReusedException e)
        {
            throw Violations.Error(Google.Rpc.Code.AlreadyExists, "REQUEST_ID_REUSED", e.Message);
        }
    }
}
