namespace Dimona.Grpc.Persistence;

// Database rows: plain, provider-neutral columns. Mapping to the domain lives in RowMapping.

public sealed class EmployerRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? EnterpriseNumber { get; set; }
    public string? OnssNumber { get; set; }
    public string? ProvisionalOnssNumber { get; set; }
    public bool Active { get; set; }
    public required string Street { get; set; }
    public required string HouseNumber { get; set; }
    public string Box { get; set; } = "";
    public required string PostCode { get; set; }
    public required string Municipality { get; set; }
    public required string Country { get; set; }

    /// <summary>The ONSS employer category, 3 digits; null when not known.</summary>
    public string? Category { get; set; }

    /// <summary>NACE-BEL activity codes, 5 digits each, comma-separated, main activity first; null when none are known.</summary>
    public string? NaceCodes { get; set; }
}

public sealed class DeclarationRow
{
    /// <summary>The 12-digit declaration number.</summary>
    public required string DeclarationNumber { get; set; }

    public required string RequestId { get; set; }
    public long EmployerId { get; set; }

    /// <summary>In, Out, Update or Cancel.</summary>
    public required string Kind { get; set; }

    public required string Status { get; set; }
    public DateTimeOffset ReceiveTime { get; set; }

    /// <summary>The worker's NISS: as given, or the period's, or the one an operator found; null while unidentified.</summary>
    public string? WorkerNiss { get; set; }

    /// <summary>The period the declaration created or names (for an IN, its own number once it is accepted).</summary>
    public string? PeriodId { get; set; }

    // The period as the declaration declared or left it, for filters and for re-deciding a pending IN; null for a
    // declaration about a period that does not exist.
    public string? JointCommittee { get; set; }
    public string? WorkerType { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public TimeOnly? StartHour { get; set; }
    public TimeOnly? EndHour { get; set; }
    public int? PlannedHours { get; set; }

    /// <summary>The NISS an operator found for a worker declared without one.</summary>
    public string? IdentifiedNiss { get; set; }

    /// <summary>The request as received, in the contract's JSON form.</summary>
    public required string ReceivedJson { get; set; }

    public required string AnomaliesJson { get; set; }
}

public sealed class PeriodRow
{
    /// <summary>The period id: the number of the IN that created it.</summary>
    public required string PeriodId { get; set; }

    public long EmployerId { get; set; }
    public required string WorkerNiss { get; set; }
    public required string JointCommittee { get; set; }
    public required string WorkerType { get; set; }

    /// <summary>Open, Closed or Cancelled.</summary>
    public required string State { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public TimeOnly? StartHour { get; set; }
    public TimeOnly? EndHour { get; set; }
    public int? PlannedHours { get; set; }
}

/// <summary>One audit record (<see cref="AuditRecord"/>): no personal data.</summary>
public sealed class AuditRecordRow
{
    public long Id { get; set; }

    /// <summary>When the writer made the change (UTC).</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The token's subject; empty on the unsecured channel.</summary>
    public required string Subject { get; set; }

    /// <summary>Secured or Unsecured.</summary>
    public required string Channel { get; set; }

    public long EmployerId { get; set; }

    /// <summary>The declaration stored or resolved; null for an employer's registration or confirmation.</summary>
    public string? DeclarationNumber { get; set; }

    /// <summary>Declared IN, Declared OUT, Declared UPDATE, Declared CANCEL, Resolved, Registered or Confirmed.</summary>
    public required string Action { get; set; }

    /// <summary>The declaration's status, or the employer's state (Definitive or Provisional).</summary>
    public required string Outcome { get; set; }
}
