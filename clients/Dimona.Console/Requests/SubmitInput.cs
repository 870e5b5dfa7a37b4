namespace Dimona.Console.Requests;

/// <summary>
/// The options of <c>dimona submit</c>, <c>out</c>, <c>update</c> and <c>cancel</c>, as typed (or read from a batch
/// line); null means not given.
/// </summary>
internal sealed record SubmitInput
{
    /// <summary>Nothing given at all.</summary>
    public static readonly SubmitInput None = new();

    /// <summary>IN, OUT, UPDATE or CANCEL; not given means IN.</summary>
    public string? Kind { get; init; }
    public string? RequestId { get; init; }
    public EmployerInput Employer { get; init; } = new();
    public WorkerInput Worker { get; init; } = new();

    /// <summary>The period an OUT, UPDATE or CANCEL changes.</summary>
    public string? PeriodId { get; init; }
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
    public PlaceOfWorkInput PlaceOfWork { get; init; } = new();
    public UserCompanyInput UserCompany { get; init; } = new();
    public string? FirstMonthC32ANumber { get; init; }
    public string? NextMonthC32ANumber { get; init; }
    public string? Reference { get; init; }
}
