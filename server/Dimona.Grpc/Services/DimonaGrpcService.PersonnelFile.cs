using Dimona.Grpc.Domain;
using Grpc.Core;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>The personnel file: an employer's declarations and periods, a period's history, the pending declarations.</summary>
public sealed partial class DimonaGrpcService
{
    public override async Task<V1.ListDeclarationsResponse> ListDeclarations(V1.ListDeclarationsRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Consult);
        var listing = Value(RequestCheck.ListDeclarations(request));
        var employer = await OwnEmployerAsync(caller, listing.Employer, context.CancellationToken);
        var page = await store.ListDeclarationsAsync(employer.Id, listing.Filter, listing.Page, context.CancellationToken);
        return new V1.ListDeclarationsResponse
        {
            Declarations = { page.Items.Select(d => d.ToContract()) },
            NextPageToken = PageToken.Next(request, page),
        };
    }

    public override async Task<V1.ListPeriodsResponse> ListPeriods(V1.ListPeriodsRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Consult);
        var listing = Value(RequestCheck.ListPeriods(request));
        var employer = await OwnEmployerAsync(caller, listing.Employer, context.CancellationToken);
        var page = await store.ListPeriodsAsync(employer.Id, listing.Filter, listing.Page, context.CancellationToken);
        return new V1.ListPeriodsResponse
        {
            Periods = { page.Items.Select(p => p.ToContract(employer)) },
            NextPageToken = PageToken.Next(request, page),
        };
    }

    public override async Task<V1.GetPeriodResponse> GetPeriod(V1.GetPeriodRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Consult);
        var id = Value(RequestCheck.Period(request));
        // Another employer's period is answered exactly as an id that does not exist.
        var found = await store.FindPeriodAsync(id, context.CancellationToken) is { } h && caller.MayActFor(h.Employer) ? h : null;
        var history = found ?? throw Failure.PeriodNotFound(id).ToRpcException();
        return new V1.GetPeriodResponse
        {
            Period = history.Period.ToContract(history.Employer),
            Declarations = { history.Declarations.Select(d => d.ToContract()) },
        };
    }

    public override async Task<V1.ListPendingDeclarationsResponse> ListPendingDeclarations(V1.ListPendingDeclarationsRequest request, ServerCallContext context)
    {
        Allowed(context, Access.Operate);
        var page = await store.ListPendingDeclarationsAsync(Value(RequestCheck.ListPendingDeclarations(request)), context.CancellationToken);
        return new V1.ListPendingDeclarationsResponse
        {
            Declarations = { page.Items.Select(d => d.ToContract()) },
            NextPageToken = PageToken.Next(request, page),
        };
    }
}
