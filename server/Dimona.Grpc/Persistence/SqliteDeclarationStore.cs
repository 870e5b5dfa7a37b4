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

    private sealed class Transaction(SqliteDeclarationStore store, Statements s) : IStoreTransaction
    {
        private bool committed;

        public Employer? FindEmployer(EmployerId id)
        {
            var (statement, number) = id switch
            {
                { EnterpriseNumber: { } e } => (s.EmployerByEnterpriseNumber, e.Value),
                { OnssNumber: { IsProvisional: true } p } => (s.EmployerByProvisionalOnssNumber, p.Value),
                { OnssNumber: { } o } => (s.EmployerByOnssNumber, o.Value),
                _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
            };
            using var q = statement.Run();
            q.Text(1, number);
            return q.Step() ? new EmployerRow
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
            }.ToDomain() : null;
        }

        public Declaration? FindByRequestId(long employerId, Guid requestId)
        {
            using var q = s.DeclarationByRequestId.Run();
            q.Int64(1, employerId);
            q.Text(2, requestId.ToString());
            return q.Step() ? new DeclarationRow
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
            }.ToDomain() : null;
        }

        public IReadOnlyList<DimonaPeriod> PeriodsOf(long employerId, Niss worker)
        {
            using var q = s.PeriodsOfWorker.Run();
            q.Int64(1, employerId);
            q.Text(2, worker.Value);
            var periods = new List<DimonaPeriod>();
            while (q.Step())
            {
                periods.Add(new PeriodRow
                {
                    PeriodId = q.Text(0),
                    EmployerId = q.Int64(1),
                    WorkerNiss = q.Text(2),
                    JointCommittee = q.Text(3),
                    WorkerType = q.Text(4),
                    StartDate = DateOnly.Parse(q.Text(5), CultureInfo.InvariantCulture),
                    EndDate = q.TextOrNull(6) is { } end ? DateOnly.Parse(end, CultureInfo.InvariantCulture) : null,
                    StartHour = q.TextOrNull(7) is { } from ? TimeOnly.Parse(from, CultureInfo.InvariantCulture) : null,
                    EndHour = q.TextOrNull(8) is { } to ? TimeOnly.Parse(to, CultureInfo.InvariantCulture) : null,
                    PlannedHours = q.IsNull(9) ? null : (int)q.Int64(9),
                }.ToDomain());
            }
            return periods;
        }

        public bool TryAdd(Declaration declaration, long employerId, CheckedDeclaration item)
        {
            if (!InsertDeclaration(declaration, employerId, item))
            {
                return false;
            }
            if (declaration.PeriodId is not { } periodId)
            {
                return true;
            }
            try
            {
                InsertPeriod(periodId, employerId, item);
                return true;
            }
            catch
            {
                // The declaration and its period go in together or not at all. (A savepoint per declaration would say
                // so too, at a quarter of the writer's throughput: SQLite keeps a statement journal for it.)
                using var delete = s.DeleteDeclaration.Run();
                delete.Text(1, declaration.DeclarationNumber.Value);
                delete.Step();
                throw;
            }
        }

        private bool InsertDeclaration(Declaration declaration, long employerId, CheckedDeclaration item)
        {
            using var insert = s.InsertDeclaration.Run();
            insert.Text(1, declaration.DeclarationNumber.Value);
            insert.Text(2, item.Request.RequestId.ToString());
            insert.Int64(3, employerId);
            insert.Text(4, "IN");
            insert.Text(5, declaration.Status.ToString());
            insert.Text(6, DbText.Of(declaration.ReceiveTime));
            insert.Text(7, item.Request.Worker.Niss?.Value);
            insert.Text(8, declaration.PeriodId?.Value);
            insert.Text(9, declaration.ReceivedJson);
            insert.Text(10, RowMapping.AnomaliesToJson(declaration.Anomalies));
            insert.Step();
            return s.Changes() > 0;
        }

        private void InsertPeriod(DimonaNumber periodId, long employerId, CheckedDeclaration item)
        {
            var @in = item.Request.In;
            using var insert = s.InsertPeriod.Run();
            insert.Text(1, periodId.Value);
            insert.Int64(2, employerId);
            insert.Text(3, item.Request.Worker.Niss!.Value);
            insert.Text(4, @in.JointCommittee);
            insert.Text(5, @in.WorkerType.ToString());
            insert.Text(6, DbText.Of(@in.StartDate));
            insert.Text(7, DbText.Of(@in.EndDate));
            insert.Text(8, DbText.Of(@in.StartHour));
            insert.Text(9, DbText.Of(@in.EndHour));
            insert.Int64(10, @in.PlannedHours);
            insert.Step();
        }

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
            "Id, Name, EnterpriseNumber, OnssNumber, ProvisionalOnssNumber, Active, Street, HouseNumber, Box, PostCode, Municipality, Country";

        private readonly SqliteConnection connection;
        private readonly List<Statement> all = [];

        private Statements(SqliteConnection connection)
        {
            this.connection = connection;
            EmployerByEnterpriseNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE EnterpriseNumber = ?1");
            EmployerByOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE OnssNumber = ?1");
            EmployerByProvisionalOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE ProvisionalOnssNumber = ?1");
            DeclarationByRequestId = Prepare(
                "SELECT DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson " +
                "FROM Declarations WHERE EmployerId = ?1 AND RequestId = ?2");
            PeriodsOfWorker = Prepare(
                "SELECT PeriodId, EmployerId, WorkerNiss, JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours " +
                "FROM Periods WHERE EmployerId = ?1 AND WorkerNiss = ?2");
            InsertDeclaration = Prepare(
                "INSERT INTO Declarations (DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (DeclarationNumber) DO NOTHING");
            InsertPeriod = Prepare(
                "INSERT INTO Periods (PeriodId, EmployerId, WorkerNiss, JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
            DeleteDeclaration = Prepare("DELETE FROM Declarations WHERE DeclarationNumber = ?1");
            BeginImmediate = Prepare("BEGIN IMMEDIATE");
            CommitTransaction = Prepare("COMMIT");
            RollbackTransaction = Prepare("ROLLBACK");
        }

        public Statement EmployerByEnterpriseNumber { get; }
        public Statement EmployerByOnssNumber { get; }
        public Statement EmployerByProvisionalOnssNumber { get; }
        public Statement DeclarationByRequestId { get; }
        public Statement PeriodsOfWorker { get; }
        public Statement InsertDeclaration { get; }
        public Statement InsertPeriod { get; }
        public Statement DeleteDeclaration { get; }
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
