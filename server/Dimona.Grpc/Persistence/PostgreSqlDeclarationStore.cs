using System.Data;
using System.Net.Sockets;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Npgsql;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The writer's store on PostgreSQL, which any number of server instances share. Each of them has its own writer, so
/// what one SQLite writer guarantees by being alone is held by the database here:
/// <list type="bullet">
/// <item>A transaction takes a lock on a worker (<c>pg_advisory_xact_lock</c> on the NISS) before it reads the
/// worker's periods or quota hours, or changes one of their periods (found, locked, read again), and keeps it until
/// it ends: overlaps with one employer and the quotas across employers are decided on facts no other instance is
/// changing. The writer's transaction first takes the locks of every worker its declarations name, in ascending
/// order (<see cref="IStoreTransaction.LockWorkers"/>), so that two instances' commits over the same workers queue
/// rather than deadlock.</item>
/// <item>Unique keys on (employer, request id), the declaration number and the employer numbers: an insert that
/// meets another instance's row fails with a unique violation, a conflict (<see cref="IsConflict"/>), and the writer
/// decides the whole transaction again, finding that row (a retry is then answered with it).</item>
/// <item>Resolving a pending declaration and confirming an employer change their row only in the state they were
/// decided on; finding it already changed by another instance is a conflict too.</item>
/// </list>
/// Statements run at read committed, each seeing what was committed before it started (so a read after a lock sees
/// what the lock's previous holder wrote), through Npgsql's automatic preparation. The writes and locks the writer
/// does not wait for are sent with the next read, or the commit, in one batch: a declaration costs two or three round
/// trips rather than five or six.
/// </summary>
public sealed class PostgreSqlDeclarationStore(NpgsqlDataSource dataSource) : IDeclarationStore
{
    private const string EmployerColumns =
        "\"Id\", \"Name\", \"EnterpriseNumber\", \"OnssNumber\", \"ProvisionalOnssNumber\", \"Active\", \"Street\", \"HouseNumber\", \"Box\", " +
        "\"PostCode\", \"Municipality\", \"Country\", \"Category\", \"NaceCodes\"";

    private const string DeclarationColumns =
        "\"DeclarationNumber\", \"RequestId\", \"EmployerId\", \"Kind\", \"Status\", \"ReceiveTime\", \"WorkerNiss\", \"PeriodId\", \"ReceivedJson\", " +
        "\"AnomaliesJson\", \"JointCommittee\", \"WorkerType\", \"StartDate\", \"EndDate\", \"StartHour\", \"EndHour\", \"PlannedHours\", \"IdentifiedNiss\"";

    private const string PeriodColumns =
        "\"PeriodId\", \"EmployerId\", \"WorkerNiss\", \"JointCommittee\", \"WorkerType\", \"State\", \"StartDate\", \"EndDate\", \"StartHour\", " +
        "\"EndHour\", \"PlannedHours\"";

    /// <summary>A data source for <paramref name="connectionString"/>, preparing the writer's statements automatically unless the string says otherwise.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }
        return builder.Build();
    }

    /// <summary>The database as host:port/database, for messages: never the password.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    public IStoreTransaction Begin()
    {
        var connection = dataSource.OpenConnection();
        try
        {
            return new Transaction(connection, connection.BeginTransaction(IsolationLevel.ReadCommitted));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The server cannot be reached or used just now: a broken or refused connection, a timeout, or PostgreSQL's
    /// classes 08 (connection), 53 (resources: disk full, out of memory, too many connections), 57 (operator
    /// intervention: shutdown, cancelled), 58 (system error) and a read-only transaction (a standby).
    /// </summary>
    public bool IsUnavailable(Exception e) => e switch
    {
        PostgresException p => p.SqlState[..2] is "08" or "53" or "57" or "58" || p.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        NpgsqlException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Another instance got there first: a unique key taken (23505), a deadlock between two instances' locks
    /// (40P01) or a serialization failure (40001), or a row no longer in the state it was decided on.
    /// </summary>
    /// <summary>
    /// Fewer than on SQLite: a commit holds an advisory lock per worker it names until it ends, and PostgreSQL's lock
    /// table (max_locks_per_transaction × max_connections, 6,400 by default) is shared by every instance.
    /// </summary>
    public int MaxDeclarationsPerCommit => 2048;

    public bool IsConflict(Exception e) =>
        e is StoreConflictException
        || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private sealed class Transaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IStoreTransaction
    {
        private readonly HashSet<long> lockedWorkers = [];
        private readonly List<DeferredStatement> deferred = [];
        private bool committed;

        /// <summary>A statement failed: PostgreSQL has aborted the transaction, which must not be taken for committed.</summary>
        private bool failed;

        public Employer? FindEmployer(EmployerId id)
        {
            var (column, number) = id switch
            {
                EmployerId.Enterprise e => ("EnterpriseNumber", e.Number.Value),
                EmployerId.Onss { Number.IsProvisional: true } p => ("ProvisionalOnssNumber", p.Number.Value),
                EmployerId.Onss o => ("OnssNumber", o.Number.Value),
                _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
            };
            return ReadOne($"SELECT {EmployerColumns} FROM \"Employers\" WHERE \"{column}\" = $1", ReadEmployer, number);
        }

        public Employer? FindEmployer(long id) => ReadOne($"SELECT {EmployerColumns} FROM \"Employers\" WHERE \"Id\" = $1", ReadEmployer, id);

        private static Employer ReadEmployer(NpgsqlDataReader r) => new EmployerRow
        {
            Id = r.GetInt64(0),
            Name = r.GetString(1),
            EnterpriseNumber = TextOrNull(r, 2),
            OnssNumber = TextOrNull(r, 3),
            ProvisionalOnssNumber = TextOrNull(r, 4),
            Active = r.GetBoolean(5),
            Street = r.GetString(6),
            HouseNumber = r.GetString(7),
            Box = r.GetString(8),
            PostCode = r.GetString(9),
            Municipality = r.GetString(10),
            Country = r.GetString(11),
            Category = TextOrNull(r, 12),
            NaceCodes = TextOrNull(r, 13),
        }.ToDomain();

        public Declaration? FindByRequestId(long employerId, Guid requestId) => ReadOne(
            $"SELECT {DeclarationColumns} FROM \"Declarations\" WHERE \"EmployerId\" = $1 AND \"RequestId\" = $2",
            r => ReadDeclaration(r).ToDomain(), employerId, requestId.ToString());

        public StoredDeclaration? FindDeclaration(DeclarationNumber number) => ReadOne(
            $"SELECT {DeclarationColumns} FROM \"Declarations\" WHERE \"DeclarationNumber\" = $1",
            r =>
            {
                var row = ReadDeclaration(r);
                return new StoredDeclaration(row.ToDomain(), row.EmployerId, RowMapping.KindOf(row.Kind), row.ShapeOf());
            },
            number.Value);

        private static DeclarationRow ReadDeclaration(NpgsqlDataReader r) => new()
        {
            DeclarationNumber = r.GetString(0),
            RequestId = r.GetString(1),
            EmployerId = r.GetInt64(2),
            Kind = r.GetString(3),
            Status = r.GetString(4),
            ReceiveTime = r.GetFieldValue<DateTimeOffset>(5),
            WorkerNiss = TextOrNull(r, 6),
            PeriodId = TextOrNull(r, 7),
            ReceivedJson = r.GetString(8),
            AnomaliesJson = r.GetString(9),
            JointCommittee = TextOrNull(r, 10),
            WorkerType = TextOrNull(r, 11),
            StartDate = ValueOrNull<DateOnly>(r, 12),
            EndDate = ValueOrNull<DateOnly>(r, 13),
            StartHour = ValueOrNull<TimeOnly>(r, 14),
            EndHour = ValueOrNull<TimeOnly>(r, 15),
            PlannedHours = ValueOrNull<int>(r, 16),
            IdentifiedNiss = TextOrNull(r, 17),
        };

        public IReadOnlyList<Period> PeriodsOf(long employerId, Niss worker)
        {
            LockWorker(worker);
            return ReadAll(
                $"SELECT {PeriodColumns} FROM \"Periods\" WHERE \"EmployerId\" = $1 AND \"WorkerNiss\" = $2 AND \"State\" <> 'Cancelled'",
                r => ReadPeriod(r).ToDomain(), employerId, worker.Value);
        }

        public Period? FindPeriod(PeriodId id)
        {
            var period = ReadPeriodById(id);
            if (period is null || !LockWorker(period.Worker))
            {
                return period;
            }
            // Locked just now: read it again, as the lock's previous holder may have changed it.
            return ReadPeriodById(id);
        }

        private Period? ReadPeriodById(PeriodId id) =>
            ReadOne($"SELECT {PeriodColumns} FROM \"Periods\" WHERE \"PeriodId\" = $1", r => ReadPeriod(r).ToDomain(), id.Value);

        private static PeriodRow ReadPeriod(NpgsqlDataReader r) => new()
        {
            PeriodId = r.GetString(0),
            EmployerId = r.GetInt64(1),
            WorkerNiss = r.GetString(2),
            JointCommittee = r.GetString(3),
            WorkerType = r.GetString(4),
            State = r.GetString(5),
            StartDate = r.GetFieldValue<DateOnly>(6),
            EndDate = ValueOrNull<DateOnly>(r, 7),
            StartHour = ValueOrNull<TimeOnly>(r, 8),
            EndHour = ValueOrNull<TimeOnly>(r, 9),
            PlannedHours = ValueOrNull<int>(r, 10),
        };

        public int PlannedHoursOf(Niss worker, int year, IReadOnlySet<WorkerType> types, PeriodId? except)
        {
            LockWorker(worker);
            var rows = ReadAll(
                "SELECT \"WorkerType\", \"PlannedHours\" FROM \"Periods\" WHERE \"WorkerNiss\" = $1 AND \"StartDate\" >= $2 AND \"StartDate\" <= $3 " +
                "AND \"PeriodId\" <> $4 AND \"State\" <> 'Cancelled' AND \"PlannedHours\" IS NOT NULL",
                r => (Type: Enum.Parse<WorkerType>(r.GetString(0)), Hours: r.GetInt32(1)),
                worker.Value, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), except?.Value ?? "");
            return rows.Where(row => types.Contains(row.Type)).Sum(row => row.Hours);
        }

        public void LockWorkers(IReadOnlyCollection<Niss> workers, IReadOnlyCollection<PeriodId> periods)
        {
            var keys = new SortedSet<long>(workers.Select(worker => KeyOf(worker.Value)));
            if (periods.Count > 0)
            {
                // A period never changes worker: read before its worker is locked, it still names the worker to lock.
                object ids = periods.Select(id => id.Value).ToArray();
                var periodWorkers = ReadAll("SELECT DISTINCT \"WorkerNiss\" FROM \"Periods\" WHERE \"PeriodId\" = ANY($1)", r => r.GetString(0), ids);
                keys.UnionWith(periodWorkers.Select(KeyOf));
            }
            keys.ExceptWith(lockedWorkers);
            if (keys.Count == 0)
            {
                return;
            }
            lockedWorkers.UnionWith(keys);
            // Ascending, in every instance: two transactions wanting some of the same workers, whatever order their
            // declarations came in, wait for one another rather than each hold a lock the other waits for (a
            // deadlock). The sorted subquery feeds the lock function one key after the other, in its order (the plan:
            // a Subquery Scan calling it over the Sort). Sent with the read that follows, as a statement of its own
            // before it: at read committed, that read's snapshot is taken once every lock is held.
            Defer("SELECT pg_advisory_xact_lock(sorted.key) FROM (SELECT key FROM unnest($1::bigint[]) AS key ORDER BY key) AS sorted",
                [keys.ToArray()], returnsRow: true);
        }

        /// <summary>
        /// Takes the worker's lock for the rest of the transaction, waiting for any other instance holding it; true
        /// when it was not held by this transaction yet.
        /// </summary>
        private bool LockWorker(Niss worker)
        {
            var key = KeyOf(worker.Value);
            if (!lockedWorkers.Add(key))
            {
                return false;
            }
            // Sent with the read that follows, as a statement of its own before it: at read committed, that read's
            // snapshot is taken once the lock is held.
            Defer("SELECT pg_advisory_xact_lock($1)", [key], returnsRow: true);
            return true;
        }

        /// <summary>A NISS is 11 digits: the number itself is the worker's lock key, so two workers never share a lock.</summary>
        private static long KeyOf(string niss) => long.Parse(niss, System.Globalization.CultureInfo.InvariantCulture);

        public bool TryAdd(DecidedDeclaration decided)
        {
            var declaration = decided.Declaration;
            var shape = decided.Shape;
            // Sent with the next statement. A number already taken (one in ten billion) then fails the transaction
            // with a unique violation, a conflict: it is decided again, with new numbers.
            Defer(
                $"INSERT INTO \"Declarations\" ({DeclarationColumns}) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, NULL)",
                [declaration.DeclarationNumber!.Value, decided.RequestId.ToString(), decided.EmployerId, RowMapping.TextOf(decided.Kind),
                declaration.Status.ToString(), declaration.ReceiveTime.ToUniversalTime(), decided.Worker?.Value, declaration.PeriodId?.Value,
                declaration.ReceivedJson, RowMapping.AnomaliesToJson(declaration.Anomalies), shape?.JointCommittee, shape?.WorkerType.ToString(),
                shape?.StartDate, shape?.EndDate, shape?.StartHour, shape?.EndHour, shape?.PlannedHours]);
            if (decided.Saves is { } period)
            {
                SavePeriod(period, decided.CreatesPeriod);
            }
            return true;
        }

        private void SavePeriod(Period period, bool isNew)
        {
            Defer(
                isNew
                    ? $"INSERT INTO \"Periods\" ({PeriodColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                    : "UPDATE \"Periods\" SET \"State\" = $6, \"StartDate\" = $7, \"EndDate\" = $8, \"StartHour\" = $9, \"EndHour\" = $10, \"PlannedHours\" = $11 " +
                      "WHERE \"PeriodId\" = $1 AND \"EmployerId\" = $2 AND \"WorkerNiss\" = $3 AND \"JointCommittee\" = $4 AND \"WorkerType\" = $5",
                [period.Id.Value, period.EmployerId, period.Worker.Value, period.JointCommittee, period.WorkerType.ToString(), period.State.ToString(),
                period.StartDate, period.EndDate, period.StartHour, period.EndHour, period.PlannedHours],
                check: changed => ExpectOne(changed, () => new InvalidOperationException($"Saving period {period.Id} changed {changed} rows.")));
        }

        public void Resolve(DeclarationNumber number, DeclarationStatus status, IReadOnlyList<Anomaly> anomalies, Niss worker, Period? created)
        {
            if (created is not null)
            {
                SavePeriod(created, isNew: true);
            }
            Defer(
                "UPDATE \"Declarations\" SET \"Status\" = $2, \"AnomaliesJson\" = $3, \"WorkerNiss\" = $4, \"IdentifiedNiss\" = $4, \"PeriodId\" = $5 " +
                "WHERE \"DeclarationNumber\" = $1 AND \"Status\" = 'Pending'",
                [number.Value, status.ToString(), RowMapping.AnomaliesToJson(anomalies), worker.Value, created?.Id.Value],
                check: changed => ExpectOne(changed, () => new StoreConflictException($"Declaration {number} was resolved by another instance.")));
        }

        public bool EnterpriseNumberTaken(EnterpriseNumber number) =>
            ReadOne("SELECT 1 FROM \"Employers\" WHERE \"EnterpriseNumber\" = $1", _ => true, number.Value);

        public bool OnssNumberTaken(OnssNumber number) => ReadOne(
            number.IsProvisional ? "SELECT 1 FROM \"Employers\" WHERE \"ProvisionalOnssNumber\" = $1" : "SELECT 1 FROM \"Employers\" WHERE \"OnssNumber\" = $1",
            _ => true, number.Value);

        public Employer AddEmployer(Employer employer)
        {
            var id = ReadOne(
                "INSERT INTO \"Employers\" (\"Name\", \"EnterpriseNumber\", \"OnssNumber\", \"ProvisionalOnssNumber\", \"Active\", \"Street\", \"HouseNumber\", " +
                "\"Box\", \"PostCode\", \"Municipality\", \"Country\", \"Category\", \"NaceCodes\") " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING \"Id\"",
                r => r.GetInt64(0),
                employer.Name, employer.EnterpriseNumber?.Value, employer.OnssNumber?.Value, employer.ProvisionalOnssNumber?.Value, employer.Active,
                employer.Address.Street, employer.Address.HouseNumber, employer.Address.Box, employer.Address.PostCode, employer.Address.Municipality,
                employer.Address.Country, employer.Category.Length == 0 ? null : employer.Category, RowMapping.NaceText(employer.NaceCodes));
            return employer with { Id = id };
        }

        public void SetDefinitiveOnssNumber(long employerId, OnssNumber number)
        {
            Defer("UPDATE \"Employers\" SET \"OnssNumber\" = $2 WHERE \"Id\" = $1 AND \"OnssNumber\" IS NULL", [employerId, number.Value],
                check: changed => ExpectOne(changed, () => new StoreConflictException($"Employer {employerId} was confirmed by another instance.")));
        }

        public void Audit(AuditRecord record) => Defer(
            "INSERT INTO \"AuditRecords\" (\"Time\", \"Subject\", \"Channel\", \"EmployerId\", \"DeclarationNumber\", \"Action\", \"Outcome\") " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7)",
            [record.Time.ToUniversalTime(), record.Actor.Subject, record.Channel, record.EmployerId, record.DeclarationNumber?.Value, record.Action, record.Outcome]);

        public void Commit()
        {
            if (failed)
            {
                throw new InvalidOperationException("A statement of this transaction failed: PostgreSQL rolled it back.");
            }
            if (deferred.Count > 0)
            {
                Run<int>(null, [], _ => 0);
            }
            Guard(() =>
            {
                transaction.Commit();
                return 0;
            });
            committed = true;
        }

        public void Dispose()
        {
            try
            {
                if (!committed)
                {
                    transaction.Rollback();
                }
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // A broken connection (the pool drops it, and the server rolls the transaction back), or a commit that failed.
            }
            finally
            {
                transaction.Dispose();
                connection.Dispose();
            }
        }

        /// <summary>
        /// Keeps a statement whose answer the writer does not wait for (a write, a lock) to be sent with the next one,
        /// in one round trip; <paramref name="check"/> looks at the rows it changed.
        /// </summary>
        private void Defer(string sql, object?[] values, bool returnsRow = false, Action<int>? check = null) =>
            deferred.Add(new DeferredStatement(sql, values, returnsRow, check));

        private T? ReadOne<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] values) =>
            Run(sql, values, reader => reader.Read() ? read(reader) : default);

        private List<T> ReadAll<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] values) => Run(sql, values, reader =>
        {
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        });

        /// <summary>
        /// Sends the deferred statements, then <paramref name="sql"/> (if any), as one batch: PostgreSQL runs them in
        /// order, each seeing what the ones before it did. <paramref name="read"/> reads the last statement's rows.
        /// </summary>
        private T Run<T>(string? sql, object?[] values, Func<NpgsqlDataReader, T> read) => Guard(() =>
        {
            var sent = deferred.ToArray();
            deferred.Clear();
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var statement in sent)
            {
                batch.BatchCommands.Add(BatchCommand(statement.Sql, statement.Values));
            }
            if (sql is not null)
            {
                batch.BatchCommands.Add(BatchCommand(sql, values));
            }
            T result;
            using (var reader = batch.ExecuteReader())
            {
                // Only statements that return rows have a result: skip the locks' to reach the last statement's.
                for (var i = sent.Count(s => s.ReturnsRow); i > 0; i--)
                {
                    reader.NextResult();
                }
                result = read(reader);
                while (reader.NextResult())
                {
                }
            }
            for (var i = 0; i < sent.Length; i++)
            {
                sent[i].Check?.Invoke(batch.BatchCommands[i].RecordsAffected);
            }
            return result;
        });

        private static NpgsqlBatchCommand BatchCommand(string sql, object?[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            return command;
        }

        /// <summary>Runs a statement, remembering that it failed: PostgreSQL then aborts the whole transaction.</summary>
        private T Guard<T>(Func<T> run)
        {
            try
            {
                return run();
            }
            catch
            {
                failed = true;
                throw;
            }
        }

        private static void ExpectOne(int changed, Func<Exception> otherwise)
        {
            if (changed != 1)
            {
                throw otherwise();
            }
        }

        private static string? TextOrNull(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

        private static T? ValueOrNull<T>(NpgsqlDataReader r, int column)
            where T : struct => r.IsDBNull(column) ? null : r.GetFieldValue<T>(column);
    }
}

/// <summary>A statement sent with the next one: whether it returns a row (a lock does), and what to check of the rows it changed.</summary>
internal sealed record DeferredStatement(string Sql, object?[] Values, bool ReturnsRow, Action<int>? Check);

/// <summary>A row changed by another server instance since this transaction decided on it: the writer decides again.</summary>
public sealed class StoreConflictException(string message) : Exception(message);
