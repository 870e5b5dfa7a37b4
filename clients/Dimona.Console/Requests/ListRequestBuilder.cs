using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns the options of <c>dimona list</c> and <c>dimona periods</c> into their requests; a filter not given filters nothing.</summary>
internal static class ListRequestBuilder
{
    public static ListDeclarationsRequest Declarations(ListInput input) => new()
    {
        Employer = EmployerIdBuilder.Build(input.Employer),
        PageSize = input.PageSize ?? 0,
        PageToken = input.PageToken ?? string.Empty,
        WorkerNiss = input.Worker ?? string.Empty,
        WorkerType = input.WorkerType.IsGiven() ? DimonaCodes.WorkerTypes.Parse(input.WorkerType, "--worker-type") : WorkerType.Unspecified,
        Status = input.Status.IsGiven() ? DimonaCodes.DeclarationStatuses.Parse(input.Status, "--status") : DeclarationStatus.Unspecified,
        Kind = input.Kind.IsGiven() ? DimonaCodes.DeclarationKinds.Parse(input.Kind, "--kind") : DeclarationKind.Unspecified,
        FromDate = input.From ?? string.Empty,
        ToDate = input.To ?? string.Empty,
    };

    public static ListPeriodsRequest Periods(ListInput input) => new()
    {
        Employer = EmployerIdBuilder.Build(input.Employer),
        PageSize = input.PageSize ?? 0,
        PageToken = input.PageToken ?? string.Empty,
        WorkerNiss = input.Worker ?? string.Empty,
        FromDate = input.From ?? string.Empty,
        ToDate = input.To ?? string.Empty,
    };
}
