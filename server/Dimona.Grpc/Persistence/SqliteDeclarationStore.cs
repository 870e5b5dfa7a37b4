using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Microsoft.Data.Sqlite;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The writer's store on SQLite: one connection kept open by the one writer, with prepared statements reused across
/// transactions (EF Core would send and track one statement per row, several times slower). It writes the same
/// rows and values that EF Core reads on the read side (<see cref="DimonaStore"/>).
/// </summary>
public sealed class SqliteDeclarationStore(string path) : IDeclarationStore, IDisposable
{
    private Statements? statements;

    public IStoreTransaction Begin()
    {
        statements ??= Statements.Open(path);
        try
        {
            return new Transaction(this, statements, statements.Connection.BeginTransaction(deferred: false));
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

    private sealed class Transaction(SqliteDeclarationStore store, Statements s, SqliteTransaction transaction) : IStoreTransaction
    {
        private bool committed;

        public Employer? FindEmployer(EmployerId id)
        {
            var (command, number) = id switch
            {
                { EnterpriseNumber: { } e } => (s.EmployerByEnterpriseNumber, e.Value),
                { OnssNumber: { IsProvisional: true } p } => (s.EmployerByProvisionalOnssNumber, p.Value),
                { OnssNumber: { } o } => (s.EmployerByOnssNumber, o.Value),
                _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
            };
            using var reader = s.Run(command, transaction, number).ExecuteReader();
            return reader.Read() ? new EmployerRow
            {
                Id = reader.GetInt64(0),
                Name = reader.GetString(1),
                EnterpriseNumber = reader.IsDBNull(2) ? null : reader.GetString(2),
                OnssNumber = reader.IsDBNull(3) ? null : reader.GetString(3),
                ProvisionalOnssNumber = reader.IsDBNull(4) ? null : reader.GetString(4),
                Active = reader.GetBoolean(5),
                Street = reader.GetString(6),
                HouseNumber = reader.GetString(7),
                Box = reader.GetString(8),
                PostCode = reader.GetString(9),
                Municipality = reader.GetString(10),
                Country = reader.GetString(11),
            }.ToDomain() : null;
        }

        public Declaration? FindByRequestId(long employerId, Guid requestId)
        {
            using var reader = s.Run(s.DeclarationByRequestId, transaction, employerId, requestId.ToString()).ExecuteReader();
            return reader.Read() ? new DeclarationRow
            {
                DeclarationNumber = reader.GetString(0),
                RequestId = reader.GetString(1),
                EmployerId = reader.GetInt64(2),
                Kind = reader.GetString(3),
                Status = reader.GetString(4),
                ReceiveTime = reader.GetFieldValue<DateTimeOffset>(5),
                WorkerNiss = reader.IsDBNull(6) ? null : reader.GetString(6),
                PeriodId = reader.IsDBNull(7) ? null : reader.GetString(7),
                ReceivedJson = reader.GetString(8),
                AnomaliesJson = reader.GetString(9),
            }.ToDomain() : null;
        }

        public IReadOnlyList<DimonaPeriod> PeriodsOf(long employerId, Niss worker)
        {
            using var reader = s.Run(s.PeriodsOfWorker, transaction, employerId, worker.Value).ExecuteReader();
            var periods = new List<DimonaPeriod>();
            while (reader.Read())
            {
                periods.Add(new PeriodRow
                {
                    PeriodId = reader.GetString(0),
                    EmployerId = reader.GetInt64(1),
                    WorkerNiss = reader.GetString(2),
                    JointCommittee = reader.GetString(3),
                    WorkerType = reader.GetString(4),
                    StartDate = reader.GetFieldValue<DateOnly>(5),
                    EndDate = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                    StartHour = reader.IsDBNull(7) ? null : reader.GetFieldValue<TimeOnly>(7),
                    EndHour = reader.IsDBNull(8) ? null : reader.GetFieldValue<TimeOnly>(8),
                    PlannedHours = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                }.ToDomain());
            }
            return periods;
        }

        public bool IsNumberTaken(DimonaNumber number) =>
            s.Run(s.NumberTaken, transaction, number.Value).ExecuteScalar() is not null;

        public void Add(Declaration declaration, long employerId, CheckedDeclaration item)
        {
            var niss = item.Request.Worker.Niss?.Value;
            s.Run(s.InsertDeclaration, transaction,
                declaration.DeclarationNumber.Value,
                item.Request.RequestId.ToString(),
                employerId,
                "IN",
                declaration.Status.ToString(),
                declaration.ReceiveTime,
                niss,
                declaration.PeriodId?.Value,
                declaration.ReceivedJson,
                declaration.Anomalies.Count == 0 ? "[]" : RowMapping.AnomaliesToJson(declaration.Anomalies)).ExecuteNonQuery();
            if (declaration.PeriodId is { } periodId)
            {
                var @in = item.Request.In;
                s.Run(s.InsertPeriod, transaction,
                    periodId.Value, employerId, niss!, @in.JointCommittee, @in.WorkerType.ToString(),
                    @in.StartDate, @in.EndDate, @in.StartHour, @in.EndHour, @in.PlannedHours).ExecuteNonQuery();
            }
        }

        public void Commit()
        {
            transaction.Commit();
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
                transaction.Dispose();
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

        private Statements(SqliteConnection connection)
        {
            Connection = connection;
            EmployerByEnterpriseNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE EnterpriseNumber = $p0", 1);
            EmployerByOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE OnssNumber = $p0", 1);
            EmployerByProvisionalOnssNumber = Prepare($"SELECT {EmployerColumns} FROM Employers WHERE ProvisionalOnssNumber = $p0", 1);
            DeclarationByRequestId = Prepare(
                "SELECT DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson " +
                "FROM Declarations WHERE EmployerId = $p0 AND RequestId = $p1", 2);
            PeriodsOfWorker = Prepare(
                "SELECT PeriodId, EmployerId, WorkerNiss, JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours " +
                "FROM Periods WHERE EmployerId = $p0 AND WorkerNiss = $p1", 2);
            NumberTaken = Prepare("SELECT 1 FROM Declarations WHERE DeclarationNumber = $p0", 1);
            InsertDeclaration = Prepare(
                "INSERT INTO Declarations (DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson) " +
                "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)", 10);
            InsertPeriod = Prepare(
                "INSERT INTO Periods (PeriodId, EmployerId, WorkerNiss, JointCommittee, WorkerType, StartDate, EndDate, StartHour, EndHour, PlannedHours) " +
                "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)", 10);
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand EmployerByEnterpriseNumber { get; }
        public SqliteCommand EmployerByOnssNumber { get; }
        public SqliteCommand EmployerByProvisionalOnssNumber { get; }
        public SqliteCommand DeclarationByRequestId { get; }
        public SqliteCommand PeriodsOfWorker { get; }
        public SqliteCommand NumberTaken { get; }
        public SqliteCommand InsertDeclaration { get; }
        public SqliteCommand InsertPeriod { get; }

        public static Statements Open(string path)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            try
            {
                connection.Open();
                using (var pragmas = connection.CreateCommand())
                {
                    // The writer's page cache: 64 MiB keeps the indexes' hot pages in memory across transactions.
                    pragmas.CommandText = SqlitePragmas.Sql + " PRAGMA cache_size=-65536;";
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

        /// <summary>Binds the values in order to $p0, $p1… and enlists the command in the transaction.</summary>
        public SqliteCommand Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
        {
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            return command;
        }

        public void Dispose() => Connection.Dispose();

        private SqliteCommand Prepare(string sql, int parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }
            command.Prepare();
            return command;
        }
    }
}
