using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>How a declaration names its employer: exactly one of the two numbers.</summary>
public sealed record EmployerId(EnterpriseNumber? EnterpriseNumber, OnssNumber? OnssNumber)
{
    /// <summary>Which number and its value, e.g. "enterprise number 0403019261" (employer numbers are public).</summary>
    public override string ToString() => this switch
    {
        { EnterpriseNumber: { } e } => $"enterprise number {e}",
        { OnssNumber: { IsProvisional: true } p } => $"provisional ONSS number {p}",
        { OnssNumber: { } o } => $"ONSS number {o}",
        _ => "no number",
    };
}

public sealed record Address(string Street, string HouseNumber, string Box, string PostCode, string Municipality, string Country);

public sealed record Employer(
    long Id,
    string Name,
    EnterpriseNumber? EnterpriseNumber,
    OnssNumber? OnssNumber,
    OnssNumber? ProvisionalOnssNumber,
    bool Active,
    Address Address)
{
    /// <summary>Definitive once ONSS has issued the definitive number.</summary>
    public bool IsDefinitive => OnssNumber is not null;
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Identification data of a worker who has no NISS (domain.md §2).</summary>
public sealed record WorkerIdentification(
    string FamilyName,
    string GivenName,
    DateOnly BirthDate,
    string BirthPlace,
    string BirthCountry,
    Sex Sex,
    string Nationality,
    Address Address)
{
    /// <summary>Keeps names and birth date out of logs and exception messages.</summary>
    public override string ToString() => "WorkerIdentification(***)";
}

/// <summary>The worker of a declaration: a NISS, or identification data when the NISS is unknown.</summary>
public sealed record Worker(Niss? Niss, WorkerIdentification? Identification);

/// <summary>Worker types (zone 00655), named by their official codes.</summary>
public enum WorkerType
{
    OTH, STU, FLX, EXT, DWD, IVT, TRI, STG, ALT, BCW, RTA, PMP, O17, S17, T17,
    A17, QUA, STX, TEA,
}

public enum EmploymentNature
{
    Employee,
    Worker,
}

public enum InternType
{
    F1,
    F2,
}

/// <summary>The small-statutes block of IVT, TRI and STG; a missing value is null.</summary>
public sealed record SmallStatutes(EmploymentNature? EmploymentNature, string? ActivityWithRisk, InternType? InternType);

/// <summary>A Dimona IN, well-formed but not yet checked against the rules.</summary>
public sealed record DimonaIn(
    DateOnly StartDate,
    DateOnly? EndDate,
    TimeOnly? StartHour,
    TimeOnly? EndHour,
    string JointCommittee,
    WorkerType WorkerType,
    int? PlannedHours,
    SmallStatutes? SmallStatutes);

/// <summary>A well-formed declaration as received.</summary>
public sealed record DeclarationRequest(Guid RequestId, EmployerId Employer, Worker Worker, string Reference, DimonaIn In);

/// <summary>
/// A well-formed declaration after the stateless checks, on its way to the writer: when it was received, the
/// anomalies it raises by itself, and the request in the contract's JSON form, stored as received.
/// </summary>
public sealed record CheckedDeclaration(DeclarationRequest Request, DateTimeOffset ReceiveTime, IReadOnlyList<Anomaly> Anomalies, string ReceivedJson);

public enum Severity
{
    Blocking,
    Warning,
}

/// <summary>A broken rule: its official code (ZZZZZ-NNN), severity, the request field and a readable message.</summary>
public sealed record Anomaly(string Code, Severity Severity, string Field, string Message)
{
    public static Anomaly Blocking(string code, string field, string message) => new(code, Severity.Blocking, field, message);

    public static Anomaly Warning(string code, string field, string message) => new(code, Severity.Warning, field, message);
}

public enum DeclarationStatus
{
    Accepted,
    AcceptedWithWarnings,
    Refused,
    Pending,
}

/// <summary>A Dimona period as the rules see it.</summary>
public sealed record DimonaPeriod(
    DimonaNumber PeriodId,
    long EmployerId,
    string JointCommittee,
    WorkerType WorkerType,
    DateOnly StartDate,
    DateOnly? EndDate,
    TimeOnly? StartHour,
    TimeOnly? EndHour);

/// <summary>
/// A stored declaration: its number, result and, as received, the request in the contract's JSON form
/// (<see cref="ReceivedJson"/>), so that it is shown back exactly as submitted.
/// </summary>
public sealed record Declaration(
    DimonaNumber DeclarationNumber,
    DeclarationStatus Status,
    IReadOnlyList<Anomaly> Anomalies,
    DimonaNumber? PeriodId,
    DateTimeOffset ReceiveTime,
    string ReceivedJson);
