namespace Dimona.Console.Requests;

/// <summary>The options of <c>dimona submit</c>, as typed; null means not given.</summary>
internal sealed record SubmitInput
{
    /// <summary>Nothing given at all.</summary>
    public static readonly SubmitInput None = new();

    public string? RequestId { get; init; }
    public EmployerInput Employer { get; init; } = new();
    public WorkerInput Worker { get; init; } = new();
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? StartHour { get; init; }
    public string? EndHour { get; init; }
    public string? JointCommittee { get; init; }
    public string? WorkerType { get; init; }
    public int? PlannedHours { get; init; }
    public string? EmploymentNature { get; init; }
    public string? ActivityRisk { get; init; }
    public string? InternType { get; init; }
    public string? Reference { get; init; }
}
