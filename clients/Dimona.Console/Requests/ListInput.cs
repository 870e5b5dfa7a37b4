namespace Dimona.Console.Requests;

/// <summary>The filters and paging of <c>dimona list</c> and <c>dimona periods</c>, as typed; null means not given.</summary>
internal sealed record ListInput
{
    public EmployerInput Employer { get; init; } = new();

    /// <summary>The worker's NISS.</summary>
    public string? Worker { get; init; }
    public string? WorkerType { get; init; }
    public string? Status { get; init; }
    public string? Kind { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public int? PageSize { get; init; }
    public string? PageToken { get; init; }
}
