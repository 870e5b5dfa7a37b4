using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Read side: employers, declarations and periods by their numbers, and the paged lists of the personnel file. A list
/// is ordered on a unique key and a page starts after the last item of the previous one (keyset paging), so pages
/// stay stable while declarations arrive. On SQLite the receive time is compared as its stored text, which orders
/// like the time because every value has the same form and offset (<see cref="DbText"/>, UTC).
/// </summary>
public sealed class DimonaStore(IDbContextFactory<DimonaDbContext> dbFactory)
{
    public async Task<Employer?> FindEmployerAsync(EmployerId id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await FindEmployerRowAsync(db, id, ct))?.ToDomain();
    }

    public async Task<Declaration?> FindDeclarationAsync(DeclarationNumber number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Declarations.AsNoTracking().SingleOrDefaultAsync(d => d.DeclarationNumber == number.Value, ct);
        return row?.ToDomain();
    }

    /// <summary>A declaration with the employer that made it.</summary>
    public async Task<(Declaration Declaration, Employer Employer)?> FindDeclarationOfAsync(DeclarationNumber number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Declarations.AsNoTracking()
            .Where(d => d.DeclarationNumber == number.Value)
            .Join(db.Employers.AsNoTracking(), d => d.EmployerId, e => e.Id, (d, e) => new { Declaration = d, Employer = e })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Declaration.ToDomain(), found.Employer.ToDomain());
    }

        /// <summary>The employer's declarations, newest first: by receive time, then number, descending.</summary>
    public async Task<Page<Declaration>> ListDeclarationsAsync(long employerId, DeclarationFilter filter, PageRequest<DeclarationKey> page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Declarations.AsNoTracking().Where(d => d.EmployerId == employerId);
        if (filter.Worker is { } worker)
        {
            rows = rows.Where(d => d.WorkerNiss == worker.Value);
        }
        if (filter.WorkerType is { } type)
        {
            var typeText = type.ToString();
            rows = rows.Where(d => d.WorkerType == typeText);
        }
        if (filter.Status is { } status)
        {
            var statusText = status.ToString();
            rows = rows.Where(d => d.Status == statusText);
        }
        if (filter.Kind is { } kind)
        {
            var kindText = RowMapping.TextOf(kind);
            rows = rows.Where(d => d.Kind == kindText);
        }
        if (filter.From is { } from)
        {
            rows = rows.Where(d => d.StartDate != null && (d.EndDate == null || d.EndDate >= from));
        }
        if (filter.To is { } to)
        {
            rows = rows.Where(d => d.StartDate <= to);
        }
        if (page.After is { } after)
        {
            var number = after.Number.Value;
            // Stored in UTC; PostgreSQL takes a time with no other offset.
            var time = after.ReceiveTime.ToUniversalTime();
            // The first condition repeats part of the second, for the index on (EmployerId, ReceiveTime).
            rows = rows.Where(d => d.ReceiveTime <= time
                && (d.ReceiveTime < time || string.Compare(d.DeclarationNumber, number) < 0));
        }
        var ordered = rows.OrderByDescending(d => d.ReceiveTime).ThenByDescending(d => d.DeclarationNumber);
        return await PageAsync(ordered, page.Size, row => row.ToDomain(), ct);
    }

    /// <summary>The employer's periods, latest start first: by start date, then id, descending.</summary>
    public async Task<Page<Period>> ListPeriodsAsync(long employerId, PeriodFilter filter, PageRequest<PeriodKey> page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Periods.AsNoTracking().Where(p => p.EmployerId == employerId);
        if (filter.Worker is { } worker)
        {
            rows = rows.Where(p => p.WorkerNiss == worker.Value);
        }
        if (filter.From is { } from)
        {
            rows = rows.Where(p => p.EndDate == null || p.EndDate >= from);
        }
        if (filter.To is { } to)
        {
            rows = rows.Where(p => p.StartDate <= to);
        }
        if (page.After is { } after)
        {
            var id = after.Id.Value;
            rows = rows.Where(p => p.StartDate <= after.StartDate && (p.StartDate < after.StartDate || string.Compare(p.PeriodId, id) < 0));
        }
        var ordered = rows.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.PeriodId);
        return await PageAsync(ordered, page.Size, row => row.ToDomain(), ct);
    }

    /// <summary>
    /// The period with its employer and every declaration naming it, oldest first; null when no period has that id.
    /// Read in one snapshot, so that the history and the period agree.
    /// </summary>
    public async Task<PeriodHistory?> FindPeriodAsync(PeriodId id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var snapshot = await SnapshotAsync(db, ct);
        var found = await db.Periods.AsNoTracking()
            .Where(p => p.PeriodId == id.Value)
            .Join(db.Employers.AsNoTracking(), p => p.EmployerId, e => e.Id, (p, e) => new { Period = p, Employer = e })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        // The IN by its number (the period's id), the changes through their partial index (whose condition is the
        // literal "Kind" <> 'IN', so the query states it in the same words).
        const string In = "IN";
        var created = await db.Declarations.AsNoTracking().Where(d => d.DeclarationNumber == id.Value).ToListAsync(ct);
        // Another employer's refused declaration may name this id as if it did not exist: it is not this period's history.
        var changes = await db.Declarations.AsNoTracking()
            .Where(d => d.PeriodId == id.Value && d.Kind != In && d.EmployerId == found.Period.EmployerId).ToListAsync(ct);
        var declarations = created.Concat(changes).OrderBy(d => d.ReceiveTime).ThenBy(d => d.DeclarationNumber, StringComparer.Ordinal);
        return new PeriodHistory(found.Period.ToDomain(), found.Employer.ToDomain(), [.. declarations.Select(d => d.ToDomain())]);
    }

    /// <summary>
    /// A read-only transaction whose reads all see the database as it was at the first: on SQLite a deferred
    /// transaction (in WAL mode it takes no lock from the writer), elsewhere repeatable read.
    /// </summary>
    private static async Task<IAsyncDisposable> SnapshotAsync(DimonaDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        var transaction = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return transaction;
    }

    /// <summary>Every employer's pending declarations, oldest first: by receive time, then number.</summary>
    public async Task<Page<Declaration>> ListPendingDeclarationsAsync(PageRequest<DeclarationKey> page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A literal, as in the condition of the partial index the query runs on.
        const string Pending = nameof(DeclarationStatus.Pending);
        var rows = db.Declarations.AsNoTracking().Where(d => d.Status == Pending);
        if (page.After is { } after)
        {
            var number = after.Number.Value;
            // Stored in UTC; PostgreSQL takes a time with no other offset.
            var time = after.ReceiveTime.ToUniversalTime();
            rows = rows.Where(d => d.ReceiveTime >= time
                && (d.ReceiveTime > time || string.Compare(d.DeclarationNumber, number) > 0));
        }
        var ordered = rows.OrderBy(d => d.ReceiveTime).ThenBy(d => d.DeclarationNumber);
        return await PageAsync(ordered, page.Size, row => row.ToDomain(), ct);
    }

    /// <summary>Reads one item more than the page holds, to tell whether another page follows.</summary>
    private static async Task<Page<T>> PageAsync<TRow, T>(IQueryable<TRow> ordered, int size, Func<TRow, T> toDomain, CancellationToken ct)
    {
        var rows = await ordered.Take(size + 1).ToListAsync(ct);
        return new Page<T>([.. rows.Take(size).Select(toDomain)], rows.Count > size);
    }

    private static Task<EmployerRow?> FindEmployerRowAsync(DimonaDbContext db, EmployerId id, CancellationToken ct)
    {
        var employers = db.Employers.AsNoTracking();
        return id switch
        {
            EmployerId.Enterprise e => employers.SingleOrDefaultAsync(x => x.EnterpriseNumber == e.Number.Value, ct),
            EmployerId.Onss { Number.IsProvisional: true } p => employers.SingleOrDefaultAsync(x => x.ProvisionalOnssNumber == p.Number.Value, ct),
            EmployerId.Onss o => employers.SingleOrDefaultAsync(x => x.OnssNumber == o.Number.Value, ct),
            _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
        };
    }
}
