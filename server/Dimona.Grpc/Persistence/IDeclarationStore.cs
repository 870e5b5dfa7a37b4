using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The writer's storage seam: one write transaction at a time, in which reads see what the transaction already
/// added. A database provider implements it; the rules and the writer do not change with the provider.
/// </summary>
public interface IDeclarationStore
{
    /// <summary>Starts a write transaction that holds the database's write lock until it commits or is disposed.</summary>
    IStoreTransaction Begin();

    /// <summary>
    /// Whether <paramref name="e"/>, thrown by this store, means the database cannot be used just now (disk full, I/O
    /// error, locked, unreadable): the transaction is lost and may be tried again later. Anything else is a bug.
    /// </summary>
    bool IsUnavailable(Exception e);
}

public interface IStoreTransaction : IDisposable
{
    Employer? FindEmployer(EmployerId id);

    /// <summary>The declaration the employer already submitted with this request id, if any.</summary>
    Declaration? FindByRequestId(long employerId, Guid requestId);

    /// <summary>The periods of this worker with this employer.</summary>
    IReadOnlyList<DimonaPeriod> PeriodsOf(long employerId, Niss worker);

    /// <summary>
    /// Adds a decided declaration and, when it has a period id, the period its IN creates, both or neither; false,
    /// adding nothing, when its declaration number is already taken.
    /// </summary>
    bool TryAdd(Declaration declaration, long employerId, CheckedDeclaration item);

    void Commit();
}
