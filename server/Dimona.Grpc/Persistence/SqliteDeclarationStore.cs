using System.Globalization;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The writer's store on SQLite: one connection kept open by the one writer, with its statements prepared once and
/// run through SQLite's own API. The writer runs them once or twice per declaration, where EF Core, or even
/// Microsoft.Data.Sqlite's command objects, cost several times SQLite's own work. It writes the same values, in the
/// same text forms, that EF Core reads on the read side (<see cref="DimonaStore"/>).
/// </summary>
public sealed class SqliteDeclarationStore(string path) : IDeclarationStore, IDisposable
{
    private Statements? statements;

    public IStoreTransaction Begin()
    {
        statements ??= Statements.Open(path);
        try
        {
            statements.Execute(statements.BeginImmediate);
            return new Transaction(this, statements);
        }
        catch
        {
            Reset();
            throw;
        }
    }

    /// <summary>Drops the connection after a storage failure, so that the next transaction starts on a fresh one.</summary>
    private void Reset()
    {
        statements?.Dispose();
        statements = null;
    }

    public void Dispose() => Reset();

    /// <summary>SQLite's result codes for a database it cannot use just now, as opposed to a misuse of it (a bug).</summary>
    public bool IsUnavailable(Exception e) => e is IOException || e is SqliteException
    {
        SqliteErrorCode: raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_NOMEM or raw.SQLITE_READONLY or raw.SQLITE_IOERR
            or raw.SQLITE_CORRUPT or raw.SQLITE_FULL or raw.SQLITE_CANTOPEN or raw.SQLITE_PROTOCOL or raw.SQLITE_NOTADB,
    };

    /// <summary>Never: the one writer holds the database's write lock for the whole transaction, so no one else gets there first.</summary>
    public bool IsConflict(Exception e) => false;

    /// <summary>Many: one commit's fsync is then shared by many callers, and SQLite locks the whole file anyway.</summary>
    public int MaxDeclarationsPerCommit => 16384;

    private sealed class Transaction(SqliteDeclarationStore store, Statements s) : IStoreTransaction
    {
        private bool committed;

        /// <summary>Nothing to take: the transaction already holds the database's write lock.</summary>
        public void LockWorkers(IReadOnlyCollection<Niss> workers, IReadOnlyCollection<PeriodId> periods)
        {
        }

        public Employer? FindEmployer(EmployerId id)
        {
            var (statement, number) = id switch
            {
                EmployerId.Enterprise e => (s.EmployerByEnterpriseNumber, e.Number.Value),
                EmployerId.Onss { Number.IsProvisional: true } p => (s.EmployerByProvisionalOnssNumber, p.Number.Value),
                EmployerId.Onss o => (s.EmployerByOnssNumber, o.Number.Value),
                _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
            };
            using var q = statement.Run();
            q.Text(1, number);
            return ReadEmployer(q);
        }

        public Employer? FindEmployer(long id)
        {
            using var q = s.EmployerById.Run();
            q.Int64(1, id);
            return ReadEmployer(q);
        }

        private static Employer? ReadEmployer(Execution q) => q.Step() ? new EmployerRow
            {
                Id = q.Int64(0),
                Name = q.Text(1),
                EnterpriseNumber = q.TextOrNull(2),
                OnssNumber = q.TextOrNull(3),
                ProvisionalOnssNumber = q.TextOrNull(4),
                Active = q.Int64(5) != 0,
                Street = q.Text(6),
                HouseNumber = q.Text(7),
                Box = q.Text(8),
                PostCode = q.Text(9),
                Municipality = q.Text(10),
                Country = q.Text(11),
                Category = q.TextOrNull(12),
                NaceCodes = q.TextOrNull(13),
            }.ToDomain() : null;

        public Declaration? FindByRequestId(long employerId, Guid requestId)
        {
            using var q = s.DeclarationByRequestId.Run();
            q.Int64(1, employerId);
            q.Text(2, requestId.ToString());
            return q.Step() ? ReadDeclaration(q).ToDomain() : null;
        }

        public StoredDeclaration? FindDeclaration(DeclarationNumber number)
        {
            using var q = s.DeclarationByNumber.Run();
            q.Text(1, number.Value);
            if (!q.Step())
            {
                return null;
            }
            var row = ReadDeclaration(q);
            return new StoredDeclaration(row.ToDomain(), row.EmployerId, RowMapping.KindOf(row.Kind), row.ShapeOf());
        }

        private static DeclarationRow ReadDeclaration(Execution q) => new()
        {
            DeclarationNumber = q.Text(0),
            RequestId = q.Text(1),
            EmployerId = q.Int64(2),
            Kind = q.Text(3),
            Status = q.Text(4),
            ReceiveTime = DateTimeOffset.Parse(q.Text(5), CultureInfo.InvariantCulture),
            WorkerNiss = q.TextOrNull(6),
            PeriodId = q.TextOrNull(7),
            ReceivedJson = q.Text(8),
            AnomaliesJson = q.Text(9),
            JointCommittee = q.TextOrNull(10),
            WorkerType = q.TextOrNull(11),
            StartDate = Date(q.TextOrNull(12)),
            EndDate = Date(q.TextOrNull(13)),
            StartHour = Time(q.TextOrNull(14)),
            EndHour = Time(q.TextOrNull(15)),
            PlannedHours = q.IsNull(16) ? null : (int)q.Int64(16),
            IdentifiedNiss = q.TextOrNull(17),
        };

        public IReadOnlyList<Period> PeriodsOf(long employerId, Niss worker)
        {
            using var q = s.PeriodsOfWorker.Run();
            q.Int64(1, employerId);
            q.Text(2, worker.Value);
            var periods = new List<Period>();
            while (q.Step())
            {
                periods.Add(ReadPeriod(q).ToDomain());
            }
            return periods;
        }

        public Period? FindPeriod(PeriodId id)
        {
            using var q = s.PeriodById.Run();
            q.Text(1, id.Value);
            return q.Step() ? ReadPeriod(q).ToDomain() : null;
        }

        private static PeriodRow ReadPeriod(Execution q) => new()
        {
            PeriodId = q.Text(0),
            EmployerId = q.Int64(1),
            WorkerNiss = q.Text(2),
            JointCommittee = q.Text(3),
            WorkerType = q.Text(4),
            State = q.Text(5),
            StartDate = Date(q.Text(6))!.Value,
            EndDate = Date(q.TextOrNull(7)),
            StartHour = Time(q.TextOrNull(8)),
            EndHour = Time(q.TextOrNull(9)),
            PlannedHours = q.IsNull(10) ? null : (int)q.Int64(10),
        };

        public int PlannedHoursOf(Niss worker, int year, IReadOnlySet<WorkerType> types, PeriodId? except)
        {
            using var q = s.PlannedHoursOfWorker.Run();
            q.Text(1, worker.Value);
            q.Text(2, DbText.Of(new DateOnly(year, 1, 1)));
            q.Text(3, DbText.Of(new DateOnly(year, 12, 31)));
            q.Text(4, except?.Value ?? "");
            var hours = 0;
            while (q.Step())
            {
                if (types.Contains(Enum.Parse<WorkerType>(q.Text(0))))
                {
                    hours += (int)q.Int64(1);
                }
            }
            return hours;
        }

        public bool TryAdd(DecidedDeclaration decided)
        {
            if (!InsertDeclaration(decided))
            {
                return false;
            }
            if (decided.Saves is not { } period)
            {
                return true;
            }
            try
            {
                SavePeriod(period, decided.CreatesPeriod);
                return true;
            }
            catch
            {
                // The declaration and its period go in together or not at all. (A savepoint per declaration would say
                // so too, at a quarter of the writer's throughput: SQLite keeps a statement journal for it.)
                using var delete = s.DeleteDeclaration.Run();
                delete.Text(1, decided.Declaration.DeclarationNumber!.Value);
                delete.Step();
                throw;
            }
        }

        private bool InsertDeclaration(DecidedDeclaration decided)
        {
            var declaration = decided.Declaration;
            var shape = decided.Shape;
            using var insert = s.InsertDeclaration.Run();
            insert.Text(1, declaration.DeclarationNumber!.Value);
            insert.Text(2, decided.RequestId.ToString());
            insert.Int64(3, decided.EmployerId);
            insert.Text(4, RowMapping.TextOf(decided.Kind));
            insert.Text(5, declaration.Status.ToString());
            insert.Text(6, DbText.Of(declaration.ReceiveTime));
            insert.Text(7, decided.Worker?.Value);
            insert.Text(8, declaration.PeriodId?.Value);
            insert.Text(9, declaration.ReceivedJson);
            insert.Text(10, RowMapping.AnomaliesToJson(declaration.Anomalies));
            insert.Text(11, shape?.JointCommittee);
            insert.Text(12, shape?.WorkerType.ToString());
            insert.Text(13, DbText.Of(shape?.StartDate));
            insert.Text(14, DbText.Of(shape?.EndDate));
            insert.Text(15, DbText.Of(shape?.StartHour));
            insert.Text(16, DbText.Of(shape?.EndHour));
            insert.Int64(17, shape?.PlannedHours);
            insert.Step();
            return s.Changes() > 0;
        }

        private void SavePeriod(Period period, bool isNew)
        {
            using var save = (isNew ? s.InsertPeriod : s.UpdatePeriod).Run();
            save.Text(1, period.Id.Value);
            save.Int64(2, period.EmployerId);
            save.Text(3, period.Worker.Value);
            save.Text(4, period.JointCommittee);
            save.Text(5, period.WorkerType.ToString());
            save.Text(6, period.State.ToString());
            save.Text(7, DbText.Of(period.StartDate));
            save.Text(8, DbText.Of(period.EndDate));
            save.Text(9, DbText.Of(period.StartHour));
            save.Text(10, DbText.Of(period.EndHour));
            save.Int64(11, period.PlannedHours);
            save.Step();
            if (s.Changes() != 1)
            {
                throw new InvalidOperationException($"Saving period {period.Id} changed {s.Changes()} rows.");
            }
        }

        public void Resolve(DeclarationNumber number, DeclarationStatus status, IReadOnlyList<Anomaly> anomalies, Niss worker, Period? created)
        {
            if (created is not null)
            {
                SavePeriod(created, isNew: true);
            }
            try
            {
                using var update = s.ResolveDeclaration.Run();
                update.Text(1, number.Value);
                update.Text(2, status.ToString());
                update.Text(3, RowMapping.AnomaliesToJson(anomalies));
                update.Text(4, worker.Value);
                update.Text(5, created?.Id.Value);
                update.Step();
                if (s.Changes() != 1)
                {
                    throw new InvalidOperationException($"Declaration {number} was not pending when resolved.");
                }
            }
            catch when (created is not null)
            {
                // The declaration's result and its period go in together or not at all, as in TryAdd.
                using var delete = s.DeletePeriod.Run();
                delete.Text(1, created.Id.Value);
                delete.Step();
                throw;
            }
        }

        public bool EnterpriseNumberTaken(EnterpriseNumber number)
        {
            using var q = s.EmployerByEnterpriseNumber.Run();
            q.Text(1, number.Value);
            return q.Step();
        }

        public bool OnssNumberTaken(OnssNumber number)
        {
            using var q = (number.IsProvisional ? s.EmployerByProvisionalOnssNumber : s.EmployerByOnssNumber).Run();
            q.Text(1, number.Value);
            return q.Step();
        }

        public Employer AddEmployer(Employer employer)
        {
            using (var insert = s.InsertEmployer.Run())
            {
                insert.Text(1, employer.Name);
                insert.Text(2, employer.EnterpriseNumber?.Value);
                insert.Text(3, employer.OnssNumber?.Value);
                insert.Text(4, employer.ProvisionalOnssNumber?.Value);
                insert.Int64(5, employer.Active ? 1 : 0);
                insert.Text(6, employer.Address.Street);
                insert.Text(7, employer.Address.HouseNumber);
                insert.Text(8, employer.Address.Box);
                insert.Text(9, employer.Address.PostCode);
                insert.Text(10, employer.Address.Municipality);
                insert.Text(11, employer.Address.Country);
                insert.Text(12, employer.Category.Length == 0 ? null : employer.Category);
                insert.Text(13, RowMapping.NaceText(employer.NaceCodes));
                insert.Step();
            }
            return employer with { Id = s.LastInsertRowId() };
        }

        public void SetDefinitiveOnssNumber(long employerId, OnssNumber number)
        {
            using var update = s.SetOnssNumber.Run();
            update.Int64(1, employerId);
            update.Text(2, number.Value);
            update.Step();
        }

        public void Audit(AuditRecord record)
        {
            using var insert = s.InsertAuditRecord.Run();
            insert.Text(1, DbText.Of(record.Time.ToUniversalTime()));
            insert.Text(2, record.Actor.Subject);
            insert.Text(3, record.Channel);
            insert.Int64(4, record.EmployerId);
            insert.Text(5, record.DeclarationNumber?.Value);
            insert.Text(6, record.Action);
            insert.Text(7, record.Outcome);
            insert.Step();
        }

        private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);

        private static TimeOnly? Time(string? text) => text is null ? null : TimeOnly.Parse(text, CultureInfo.InvariantCulture);

        public void Commit()
        {
            s.Execute(s.CommitTransaction);
            committed = true;
        }

        public void Dispose()
        {
            if (committed)
            {
                return;
            }
            try
            {
                s.Execute(s.RollbackTransaction);
            }
            catch (SqliteException)
            {
                // A failed rollback leaves the connection in doubt: the next transaction opens a fresh one.
                store.Reset();
            }
        }
    }

    /// <summary>The writer's connection and its prepared statements.</summary>
    private sealed class Statements : IDisposable
    {
        private const string EmployerColumns =
            "Id, Name, EnterpriseNumber, OnssNumber, ProvisionalOnssNumber, Active, Street, HouseNumber, Box, PostCode, Municipality, Country, " +
            "Category, NaceCodes";

        private const string DeclarationColumns =
            "DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson, " +
            "JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours, IdentifiedNiss";

        private const string PeriodColumns =
            "PeriodId, EmployerId, WorkerNiss, JointCommittee, WorkerType, State, StartDate, EndDate, StartHour, EndHour, PlannedHours";

        private readonly SqliteConnection connection;
        private readonly List<Statement> all = [];

        private Statements(SqliteConnection connection)
        {
            this.connection = connection;
            EmployerByEnterpriseNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE EnterpriseNumber = ?1");
            EmployerByOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE OnssNumber = ?1");
            EmployerByProvisionalOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE ProvisionalOnssNumber = ?1");
            EmployerById = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE Id = ?1");
            DeclarationByRequestId = Prepare($"SELECT {DeclarationColumns} FROM Declarations WHERE EmployerId = ?1 AND RequestId = ?2");
            DeclarationByNumber = Prepare($"SELECT {DeclarationColumns} FROM Declarations WHERE DeclarationNumber = ?1");
            PeriodsOfWorker = Prepare($"SELECT {PeriodColumns} FROM Periods WHERE EmployerId = ?1 AND WorkerNiss = ?2 AND State <> 'Cancelled'");
            PeriodById = Prepare($"SELECT {PeriodColumns} FROM Periods WHERE PeriodId = ?1");
            PlannedHoursOfWorker = Prepare(
                "SELECT WorkerType, PlannedHours FROM Periods WHERE WorkerNiss = ?1 AND StartDate >= ?2 AND StartDate <= ?3 " +
                "AND PeriodId <> ?4 AND State <> 'Cancelled' AND PlannedHours IS NOT NULL");
            InsertDeclaration = Prepare(
                $"INSERT INTO Declarations ({DeclarationColumns}) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, NULL) ON CONFLICT (DeclarationNumber) DO NOTHING");
            InsertPeriod = Prepare($"INSERT INTO Periods ({PeriodColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
            UpdatePeriod = Prepare(
                "UPDATE Periods SET State = ?6, StartDate = ?7, EndDate = ?8, StartHour = ?9, EndHour = ?10, PlannedHours = ?11 " +
                "WHERE PeriodId = ?1 AND EmployerId = ?2 AND WorkerNiss = ?3 AND JointCommittee = ?4 AND WorkerType = ?5");
            DeleteDeclaration = Prepare("DELETE FROM Declarations WHERE DeclarationNumber = ?1");
            DeletePeriod = Prepare("DELETE FROM Periods WHERE PeriodId = ?1");
            ResolveDeclaration = Prepare(
                "UPDATE Declarations SET Status = ?2, AnomaliesJson = ?3, WorkerNiss = ?4, IdentifiedNiss = ?4, PeriodId = ?5 " +
                "WHERE DeclarationNumber = ?1 AND Status = 'Pending'");
            InsertEmployer = Prepare(
                "INSERT INTO Employers (Name, EnterpriseNumber, OnssNumber, ProvisionalOnssNumber, Active, Street, HouseNumber, Box, PostCode, Municipality, Country, Category, NaceCodes) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
            SetOnssNumber = Prepare("UPDATE Employers SET OnssNumber = ?2 WHERE Id = ?1");
            InsertAuditRecord = Prepare(
                "INSERT INTO AuditRecords (Time, Subject, Channel, EmployerId, DeclarationNumber, Action, Outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            BeginImmediate = Prepare("BEGIN IMMEDIATE");
            CommitTransaction = Prepare("COMMIT");
            RollbackTransaction = Prepare("ROLLBACK");
        }

        public Statement EmployerByEnterpriseNumber { get; }
        public Statement EmployerByOnssNumber { get; }
        public Statement EmployerByProvisionalOnssNumber { get; }
        public Statement EmployerById { get; }
        public Statement DeclarationByRequestId { get; }
        public Statement DeclarationByNumber { get; }
        public Statement PeriodsOfWorker { get; }
        public Statement PeriodById { get; }
        public Statement PlannedHoursOfWorker { get; }
        public Statement InsertDeclaration { get; }
        public Statement InsertPeriod { get; }
        public Statement UpdatePeriod { get; }
        public Statement DeleteDeclaration { get; }
        public Statement DeletePeriod { get; }
        public Statement ResolveDeclaration { get; }
        public Statement InsertEmployer { get; }
        public Statement SetOnssNumber { get; }
        public Statement InsertAuditRecord { get; }
        public Statement BeginImmediate { get; }
        public Statement CommitTransaction { get; }
        public Statement RollbackTransaction { get; }

        public static Statements Open(string path)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            try
            {
                connection.Open();
                using (var pragmas = connection.CreateCommand())
                {
                    pragmas.CommandText = SqlitePragmas.WriterSql;
                    pragmas.ExecuteNonQuery();
                }
                return new Statements(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Runs a statement that returns no rows.</summary>
        public void Execute(Statement statement)
        {
            using var run = statement.Run();
            run.Step();
        }

        public int Changes() => raw.sqlite3_changes(connection.Handle);

        public long LastInsertRowId() => raw.sqlite3_last_insert_rowid(connection.Handle);

        public void Dispose()
        {
            foreach (var statement in all)
            {
                statement.Dispose();
            }
            connection.Dispose();
        }

        private Statement Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var handle), connection.Handle);
            var statement = new Statement(connection.Handle!, handle);
            all.Add(statement);
            return statement;
        }
    }

    /// <summary>A prepared statement, run once at a time through <see cref="Run"/>.</summary>
    private sealed class Statement(sqlite3 db, sqlite3_stmt handle) : IDisposable
    {
        public Execution Run() => new(db, handle);

        public void Dispose() => handle.Dispose();
    }

    /// <summary>One execution of a prepared statement: bind, step, read; disposing it resets the statement for the next.</summary>
    private readonly struct Execution(sqlite3 db, sqlite3_stmt handle) : IDisposable
    {
        public void Text(int index, string? value) =>
            Check(value is null ? raw.sqlite3_bind_null(handle, index) : raw.sqlite3_bind_text(handle, index, value), db);

        public void Int64(int index, long? value) =>
            Check(value is { } v ? raw.sqlite3_bind_int64(handle, index, v) : raw.sqlite3_bind_null(handle, index), db);

        /// <summary>Steps once: true with a row to read, false when done.</summary>
        public bool Step() => raw.sqlite3_step(handle) switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            var rc => throw SqliteError(rc, db),
        };

        public bool IsNull(int column) => raw.sqlite3_column_type(handle, column) == raw.SQLITE_NULL;

        public long Int64(int column) => raw.sqlite3_column_int64(handle, column);

        public string Text(int column) => raw.sqlite3_column_text(handle, column).utf8_to_string();

        public string? TextOrNull(int column) => IsNull(column) ? null : Text(column);

        public void Dispose()
        {
            raw.sqlite3_reset(handle);
            raw.sqlite3_clear_bindings(handle);
        }
    }

    private static void Check(int rc, sqlite3? db)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw SqliteError(rc, db);
        }
    }

    private static SqliteException SqliteError(int rc, sqlite3? db)
    {
        try
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        catch (SqliteException e)
        {
            return e;
        }
        return new SqliteException($"SQLite error {rc}.", rc);
    }
}
