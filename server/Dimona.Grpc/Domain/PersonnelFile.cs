using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>
/// Which of an employer's declarations to list; every filter is optional (null) and they combine with AND. The dates
/// select declarations whose period, as declared or changed, overlaps [<see cref="From"/>, <see cref="To"/>]; a
/// declaration about no period is left out when either is given.
/// </summary>
public sealed record DeclarationFilter(Niss? Worker, WorkerType? WorkerType, DeclarationStatus? Status, DeclarationKind? Kind, DateOnly? From, DateOnly? To);

/// <summary>Which of an employer's periods to list: of one worker, overlapping [<see cref="From"/>, <see cref="To"/>]; null is any.</summary>
public sealed record PeriodFilter(Niss? Worker, DateOnly? From, DateOnly? To);

/// <summary>A declaration's place in a listing: lists are ordered by receive time, then number.</summary>
public sealed record DeclarationKey(DateTimeOffset ReceiveTime, DeclarationNumber Number)
{
    public static DeclarationKey Of(Declaration d) =>
        new(d.ReceiveTime, d.DeclarationNumber ?? throw new ArgumentException("A preview is never listed.", nameof(d)));
}

/// <summary>A period's place in a listing: lists are ordered by start date, then id.</summary>
public sealed record PeriodKey(DateOnly StartDate, PeriodId Id)
{
    public static PeriodKey Of(Period p) => new(p.StartDate, p.Id);
}

/// <summary>A page to read: at most <see cref="Size"/> items, those after the item at <see cref="After"/> (the first page when null).</summary>
public sealed record PageRequest<TKey>(int Size, TKey? After)
    where TKey : class;

/// <summary>A page read: its items, and whether more follow the last.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool More);

/// <summary>ListDeclarations, well formed: the employer, the filter and the page.</summary>
public sealed record DeclarationListing(EmployerId Employer, DeclarationFilter Filter, PageRequest<DeclarationKey> Page);

/// <summary>ListPeriods, well formed: the employer, the filter and the page.</summary>
public sealed record PeriodListing(EmployerId Employer, PeriodFilter Filter, PageRequest<PeriodKey> Page);

/// <summary>A period as it stands, its employer, and every declaration on it, oldest first.</summary>
public sealed record PeriodHistory(Period Period, Employer Employer, IReadOnlyList<Declaration> Declarations);
