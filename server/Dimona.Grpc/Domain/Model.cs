using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>How a declaration names its employer: its enterprise number, or its ONSS number (definitive or provisional).</summary>
public abstract record EmployerId
{
    private EmployerId()
    {
    }

    /// <summary>By enterprise number (KBO/BCE).</summary>
    public sealed record Enterprise(EnterpriseNumber Number) : EmployerId
    {
        public override string ToString() => $"enterprise number {Number}";
    }

    /// <summary>By ONSS number, definitive or provisional.</summary>
    public sealed record Onss(OnssNumber Number) : EmployerId
    {
        public override string ToString() => Number.IsProvisional ? $"provisional ONSS number {Number}" : $"ONSS number {Number}";
    }
}

public sealed record Address(string Street, string HouseNumber, string Box, string PostCode, string Municipality, string Country);

/// <summary>
/// An employer as registered: its numbers, whether active, its address, its ONSS employer category (3 digits, empty
/// when not known) and its NACE-BEL activity codes (5 digits each, main activity first).
/// </summary>
public sealed record Employer(
    long Id,
    string Name,
    EnterpriseNumber? EnterpriseNumber,
    OnssNumber? OnssNumber,
    OnssNumber? ProvisionalOnssNumber,
    bool Active,
    Address Address,
    string Category = "",
    IReadOnlyList<string>? NaceCodes = null)
{
    /// <summary>Definitive once ONSS has issued the definitive number.</summary>
    public bool IsDefinitive => OnssNumber is not null;
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Identification data of a worker who has no NISS.</summary>
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

/// <summary>The worker of a declaration: identified by a NISS, or by identification data while the NISS is unknown.</summary>
public abstract record Worker
{
    private Worker()
    {
    }

    /// <summary>The NISS when the worker is identified; null otherwise.</summary>
    public abstract Niss? Niss { get; }

    /// <summary>A worker known by NISS (or BIS number).</summary>
    public sealed record Identified(Niss Number) : Worker
    {
        public override Niss Niss => Number;

        public override string ToString() => "Worker(NISS ***)";
    }

    /// <summary>A worker without a NISS: declarations about them are pending until an operator identifies them.</summary>
    public sealed record Unidentified(WorkerIdentification Data) : Worker
    {
        public override Niss? Niss => null;

        public override string ToString() => "Worker(unidentified)";
    }
}

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

/// <summary>A student's place of work away from the head office (name and address).</summary>
public sealed record PlaceOfWork(string Name, Address Address);

/// <summary>The user company of a temporary agency worker: an enterprise number, a name and address, or (wrongly) both.</summary>
public sealed record UserCompany(EnterpriseNumber? EnterpriseNumber, string? Name, Address? Address);

/// <summary>The kinds of declaration.</summary>
public enum DeclarationKind
{
    In,
    Out,
    Update,
    Cancel,
}

/// <summary>What a declaration declares: an IN, OUT, UPDATE or CANCEL.</summary>
public abstract record DeclarationContent
{
    public abstract DeclarationKind Kind { get; }
}

/// <summary>A Dimona IN, well-formed but not yet checked against the rules.</summary>
public sealed record DimonaIn(
    DateOnly StartDate,
    DateOnly? EndDate,
    TimeOnly? StartHour,
    TimeOnly? EndHour,
    string JointCommittee,
    WorkerType WorkerType,
    int? PlannedHours,
    SmallStatutes? SmallStatutes,
    PlaceOfWork? PlaceOfWork = null,
    UserCompany? UserCompany = null,
    string? FirstMonthC32ANumber = null,
    string? NextMonthC32ANumber = null) : DeclarationContent
{
    public override DeclarationKind Kind => DeclarationKind.In;
}

/// <summary>An OUT, UPDATE or CANCEL: a declaration about the period it names.</summary>
public abstract record PeriodChange(PeriodId PeriodId) : DeclarationContent;

/// <summary>A Dimona OUT: closes an open period.</summary>
public sealed record DimonaOut(PeriodId PeriodId, DateOnly EndDate, TimeOnly? EndHour) : PeriodChange(PeriodId)
{
    public override DeclarationKind Kind => DeclarationKind.Out;
}

/// <summary>A Dimona UPDATE: the values to change, null where the period keeps its own.</summary>
public sealed record DimonaUpdate(
    PeriodId PeriodId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    TimeOnly? StartHour,
    TimeOnly? EndHour,
    int? PlannedHours) : PeriodChange(PeriodId)
{
    /// <summary>The end date that removes a period's end date, re-opening it (UPDATE only).</summary>
    public static readonly DateOnly ReOpen = new(9999, 12, 31);

    public override DeclarationKind Kind => DeclarationKind.Update;
}

/// <summary>A Dimona CANCEL: annuls a period.</summary>
public sealed record DimonaCancel(PeriodId PeriodId) : PeriodChange(PeriodId)
{
    public override DeclarationKind Kind => DeclarationKind.Cancel;
}

/// <summary>A well-formed declaration as received. <see cref="Worker"/> is null only for an OUT, UPDATE or CANCEL that names none.</summary>
public sealed record DeclarationRequest(
    Guid RequestId, EmployerId Employer, Worker? Worker, string Reference, DeclarationContent Content, bool ValidateOnly = false)
{
    /// <summary>The IN, for a declaration of that kind.</summary>
    public DimonaIn? In => Content as DimonaIn;
}

/// <summary>
/// A well-formed declaration after the stateless checks, on its way to the writer: when it was received, the
/// anomalies it raises by itself, the request in the contract's JSON form, stored as received, and who sent it.
/// </summary>
public sealed record CheckedDeclaration(DeclarationRequest Request, DateTimeOffset ReceiveTime, IReadOnlyList<Anomaly> Anomalies, string ReceivedJson, Caller Caller);

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

/// <summary>
/// A stored declaration: its number (none for a preview), result, the period it created or changed, the NISS an
/// operator found for a worker declared without one, and, as received, the request in the contract's JSON form
/// (<see cref="ReceivedJson"/>), the audit copy shown back exactly as submitted.
/// </summary>
public sealed record Declaration(
    DeclarationNumber? DeclarationNumber,
    DeclarationStatus Status,
    IReadOnlyList<Anomaly> Anomalies,
    PeriodId? PeriodId,
    DateTimeOffset ReceiveTime,
    string ReceivedJson,
    Niss? IdentifiedNiss = null);
