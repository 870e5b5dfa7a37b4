using Dimona.Grpc.Domain;
using Grpc.Core;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>Employer registration (Wide) and the operator calls.</summary>
public sealed partial class DimonaGrpcService
{
    public override async Task<V1.RegisterEmployerResponse> RegisterEmployer(V1.RegisterEmployerRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Register);
        return new() { Employer = Value(await operations.RegisterAsync(request, caller, context.CancellationToken)).ToContract() };
    }

    public override async Task<V1.ConfirmEmployerRegistrationResponse> ConfirmEmployerRegistration(
        V1.ConfirmEmployerRegistrationRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Operate);
        return new() { Employer = Value(await operations.ConfirmAsync(request, caller, context.CancellationToken)).ToContract() };
    }

    public override async Task<V1.ResolvePendingDeclarationResponse> ResolvePendingDeclaration(
        V1.ResolvePendingDeclarationRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Operate);
        return new() { Declaration = Value(await operations.ResolveAsync(request, caller, context.CancellationToken)).ToContract() };
    }
}
