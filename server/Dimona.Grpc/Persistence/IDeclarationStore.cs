using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The writer's storage seam: one write transaction at a time per server instance, in which reads see what the
/// transaction already added. A database provider implements it; the rules and the writer do not change with the provider.
/// </summary>
public interface IDeclarationStore
{
    /// <summary>
    /// Starts a write transaction: on SQLite it holds the database's write lock until it commits or is disposed; on a
    /// database shared by several instances it holds the locks its reads take (see <see cref="PostgreSqlDeclarationStore"/>).
    /// </summary>
    IStoreTransaction Begin();

    /// <summary>
    /// Whether <paramref name="e"/>, thrown by this store, means the database cannot be used just now (disk full, I/O
    /// error, locked, unreadable): the transaction is lost and may be tried again later. Anything else is a bug.
    /// </summary>
    bool IsUnavailable(Exception e);

    /// <summary>
    /// Whether <paramref name="e"/>, thrown by this store, means another server instance sharing the database got
    /// there first (a unique key taken, a deadlock, a row changed since it was read): the transaction is lost, and
    /// deciding all of it again, on what is there now, gives the right answers.
    /// </summary>
    bool IsConflict(Exception e);

    /// <summary>How many declarations the writer puts in one transaction at most.</summary>
    int MaxDeclarationsPerCommit { get; }
}

public interface IStoreTransaction : IDisposable
{
    /// <summary>
    /// Before anything is decided: takes, in one order every instance shares, whatever the transaction needs to decide
    /// on these workers and on the workers of these periods without another instance changing them (see
    /// <see cref="PostgreSqlDeclarationStore"/>), so that two transactions over the same workers wait for each other
    /// rather than deadlock. Workers the transaction meets later are still locked as they come.
    /// </summary>
    void LockWorkers(IReadOnlyCollection<Niss> workers, IReadOnlyCollection<PeriodId> periods);

    Employer? FindEmployer(EmployerId id);

    Employer? FindEmployer(long id);

    /// <summary>The declaration the employer already submitted with this request id, if any.</summary>
    Declaration? FindByRequestId(long employerId, Guid requestId);

    /// <summary>A stored declaration with the typed facts the writer decides on, by number.</summary>
    StoredDeclaration? FindDeclaration(DeclarationNumber number);

    /// <summary>The periods of this worker with this employer, cancelled ones left out.</summary>
    IReadOnlyList<Period> PeriodsOf(long employerId, Niss worker);

    /// <summary>A period by id, whatever its state.</summary>
    Period? FindPeriod(PeriodId id);

    /// <summary>
    /// The planned hours of this worker's periods of <paramref name="types"/> starting in <paramref name="year"/>, with
    /// every employer, cancelled ones and <paramref name="except"/> left out.
    /// </summary>
    int PlannedHoursOf(Niss worker, int year, IReadOnlySet<WorkerType> types, PeriodId? except);

    /// <summary>
    /// Adds a decided declaration and saves the period it creates or changes, both or neither; false, adding
    /// nothing, when its declaration number is already taken (or, on a store shared by several instances, a conflict
    /// when the transaction commits, see <see cref="IDeclarationStore.IsConflict"/>).
    /// </summary>
    bool TryAdd(DecidedDeclaration decided);

    /// <summary>Gives a pending declaration its final result and saves the period it creates, if any.</summary>
    void Resolve(DeclarationNumber number, DeclarationStatus status, IReadOnlyList<Anomaly> anomalies, Niss worker, Period? created);

    bool EnterpriseNumberTaken(EnterpriseNumber number);

    bool OnssNumberTaken(OnssNumber number);

    /// <summary>Adds a newly registered employer and returns it with its id.</summary>
    Employer AddEmployer(Employer employer);

    /// <summary>Gives a provisional employer its definitive ONSS number.</summary>
    void SetDefinitiveOnssNumber(long employerId, OnssNumber number);

    /// <summary>
    /// Adds an audit record of a change just made in this transaction (a declaration added or resolved, an employer
    /// added or confirmed): committed with it or not at all.
    /// </summary>
    void Audit(AuditRecord record);

    void Commit();
}

/// <summary>
/// A decided declaration as the writer stores it: the declaration, who and what it is about (the period as declared
/// or left, for filters), and the period it creates or changes when accepted.
/// </summary>
public sealed record DecidedDeclaration(
    Declaration Declaration,
    long EmployerId,
    Guid RequestId,
    DeclarationKind Kind,
    Niss? Worker,
    PeriodShape? Shape,
    Period? Saves,
    bool CreatesPeriod);

/// <summary>A stored declaration with the typed facts needed to decide it again.</summary>
public sealed record StoredDeclaration(Declaration Declaration, long EmployerId, DeclarationKind Kind, PeriodShape? Shape);
