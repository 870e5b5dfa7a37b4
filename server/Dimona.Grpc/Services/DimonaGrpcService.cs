using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;
using Dimona.Grpc.Persistence;
using Grpc.Core;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>The gRPC adapter: checks the request, calls the store or the writer, maps the answer.</summary>
public sealed class DimonaGrpcService(DimonaStore store, DeclarationWriter writer, TimeProvider time) : V1.DimonaService.DimonaServiceBase
{
    public override async Task<V1.IdentifyEmployerResponse> IdentifyEmployer(V1.IdentifyEmployerRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var id = RequestCheck.Employer(request.Employer, "employer", v);
        v.ThrowIfAny();
        var employer = await store.FindEmployerAsync(id, context.CancellationToken)
            ?? throw NotFoundException.Employer(id);
        return new V1.IdentifyEmployerResponse { Employer = employer.ToContract() };
    }

    public override async Task<V1.SubmitDeclarationResponse> SubmitDeclaration(V1.SubmitDeclarationRequest request, ServerCallContext context)
    {
        var today = DateOnly.FromDateTime(BelgianTime.ToBrussels(time.GetUtcNow()));
        var checkedRequest = RequestCheck.Submit(request, today);
        var declaration = await writer.SubmitAsync(checkedRequest, ContractMapping.ToReceivedJson(request, checkedRequest.RequestId), context.CancellationToken);
        return new V1.SubmitDeclarationResponse { Declaration = declaration.ToContract() };
    }

    public override async Task<V1.GetDeclarationResponse> GetDeclaration(V1.GetDeclarationRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var number = RequestCheck.Number(request.DeclarationNumber, "declaration_number", v);
        v.ThrowIfAny();
        var declaration = await store.FindDeclarationAsync(number, context.CancellationToken)
            ?? throw NotFoundException.Declaration(number);
        return new V1.GetDeclarationResponse { Declaration = declaration.ToContract() };
    }
}
