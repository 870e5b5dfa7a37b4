using System.Diagnostics;
using System.Globalization;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Services;
using Dimona.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Benchmarks;

/// <summary>
/// What SQLite alone can do with the service's rows, measured in-process on a file of its own with the service's
/// own schema (its EF migrations) and pragmas (WAL, synchronous=FULL): no gRPC, no rules, no EF.
/// </summary>
internal static class Ceiling
{
    private const int Chunk = 10_000;

    /// <summary>Creates the database exactly as the service does on first start: migrations, then the demo employers.</summary>
    public static async Task CreateDatabaseAsync(string path, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<DimonaDbContext>();
        options.UseDimonaSqlite(path);
        await using var db = new DimonaDbContext(options.Options);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Inserts <paramref name="declarations"/> declarations (a Declarations row and a Periods row each) through two
    /// prepared commands in one transaction, then commits. Building the rows is not timed; inserting and committing are.
    /// </summary>
    public static CeilingResult MeasureOneTransaction(string path, Workload workload, int declarations)
    {
        using var connection = Open(path);
        using var rows = new RowInserter(connection);
        var inserting = new Stopwatch();
        var batch = new List<Row>(Chunk);
        using var transaction = connection.BeginTransaction();
        rows.Use(transaction);
        for (var done = 0; done < declarations; done += batch.Count)
        {
            batch.Clear();
            for (var i = 0; i < Math.Min(Chunk, declarations - done); i++)
            {
                batch.Add(Row.Of(workload.Next()));
            }
            inserting.Start();
            foreach (var row in batch)
            {
                rows.Insert(row);
            }
            inserting.Stop();
        }
        var committing = Stopwatch.StartNew();
        transaction.Commit();
        committing.Stop();
        return new CeilingResult(declarations, inserting.Elapsed, committing.Elapsed, rows.AverageJsonLength);
    }

    /// <summary>One declaration (its two rows) per BEGIN IMMEDIATE … COMMIT, one after the other, for <paramref name="duration"/>.</summary>
    public static CommitResult MeasureSingleCommits(string path, Workload workload, TimeSpan duration)
    {
        using var connection = Open(path);
        using var rows = new RowInserter(connection);
        var latencies = new Latencies(1_000_000);
        var commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var row = Row.Of(workload.Next());
            var start = Stopwatch.GetTimestamp();
            using (var transaction = connection.BeginTransaction())
            {
                rows.Use(transaction);
                rows.Insert(row);
                transaction.Commit();
            }
            latencies.AddSince(start);
            commits++;
        }
        return new CommitResult(commits, clock.Elapsed, latencies.Summarize());
    }

    /// <summary>The settings a connection of the measurements runs with, read back from SQLite.</summary>
    public static string ReadBackPragmas(string path)
    {
        using var connection = Open(path);
        return string.Join(", ", new[] { "journal_mode", "synchronous", "foreign_keys", "cache_size" }.Select(name =>
        {
            using var read = connection.CreateCommand();
            read.CommandText = $"PRAGMA {name}";
            var value = Convert.ToString(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            return name == "synchronous" && value == "2" ? "synchronous=2 (FULL)" : $"{name}={value}";
        }));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // The service writer's own pragmas (WAL, synchronous=FULL, busy_timeout, foreign_keys, its page cache).
        pragmas.CommandText = SqlitePragmas.WriterSql;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>One declaration's values, in the text forms EF Core writes for the service's rows.</summary>
    private sealed record Row(string Number, string RequestId, string ReceiveTime, string Niss, string Json, string WorkerType, string StartDate, string? EndDate)
    {
        private static readonly HashSet<string> Drawn = [];
        private static readonly NumberDraw Numbers = new();

        public static Row Of(SubmitDeclarationRequest request) => new(
            UnusedNumber(),
            request.RequestId,
            DbText.Of(DateTimeOffset.UtcNow),
            request.Worker.Niss,
            ContractMapping.ToReceivedJson(request, Guid.Parse(request.RequestId)),
            request.DimonaIn.WorkerType == V1.WorkerType.Stg ? "STG" : "OTH",
            request.DimonaIn.StartDate,
            request.DimonaIn.EndDate.Length == 0 ? null : request.DimonaIn.EndDate);

        // The service's own draw (so the primary key is filled at random places), never the same number twice.
        private static string UnusedNumber()
        {
            while (true)
            {
                var number = Numbers.Next().Value;
                if (Drawn.Add(number))
                {
                    return number;
                }
            }
        }
    }

    /// <summary>The two INSERTs of an accepted IN, prepared once and run with new parameter values.</summary>
    private sealed class RowInserter : IDisposable
    {
        private readonly SqliteCommand declaration;
        private readonly SqliteCommand period;
        private readonly long employerId;
        private long jsonLength;
        private long inserted;

        public RowInserter(SqliteConnection connection)
        {
            using (var find = connection.CreateCommand())
            {
                find.CommandText = "SELECT Id FROM Employers WHERE EnterpriseNumber = $n";
                find.Parameters.AddWithValue("$n", Workload.EnterpriseNumber);
                employerId = (long)(find.ExecuteScalar() ?? throw new InvalidOperationException("The demo employer was not seeded."));
            }
            declaration = Command(connection, """
                INSERT INTO "Declarations" ("DeclarationNumber", "RequestId", "EmployerId", "Kind", "Status", "ReceiveTime", "WorkerNiss", "PeriodId", "ReceivedJson", "AnomaliesJson")
                VALUES ($number, $requestId, $employerId, 'IN', 'Accepted', $receiveTime, $niss, $number, $json, '[]')
                """, "$number", "$requestId", "$employerId", "$receiveTime", "$niss", "$json");
            period = Command(connection, """
                INSERT INTO "Periods" ("PeriodId", "EmployerId", "WorkerNiss", "JointCommittee", "WorkerType", "StartDate", "EndDate", "StartHour", "EndHour", "PlannedHours")
                VALUES ($number, $employerId, $niss, 'XXX', $workerType, $startDate, $endDate, NULL, NULL, NULL)
                """, "$number", "$employerId", "$niss", "$workerType", "$startDate", "$endDate");
        }

        public int AverageJsonLength => inserted == 0 ? 0 : (int)(jsonLength / inserted);

        public void Use(SqliteTransaction transaction)
        {
            declaration.Transaction = transaction;
            period.Transaction = transaction;
        }

        public void Insert(Row row)
        {
            var p = declaration.Parameters;
            p[0].Value = row.Number;
            p[1].Value = row.RequestId;
            p[2].Value = employerId;
            p[3].Value = row.ReceiveTime;
            p[4].Value = row.Niss;
            p[5].Value = row.Json;
            declaration.ExecuteNonQuery();

            p = period.Parameters;
            p[0].Value = row.Number;
            p[1].Value = employerId;
            p[2].Value = row.Niss;
            p[3].Value = row.WorkerType;
            p[4].Value = row.StartDate;
            p[5].Value = (object?)row.EndDate ?? DBNull.Value;
            period.ExecuteNonQuery();

            jsonLength += row.Json.Length;
            inserted++;
        }

        public void Dispose()
        {
            declaration.Dispose();
            period.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            command.Prepare();
            return command;
        }
    }
}

internal sealed record CeilingResult(int Declarations, TimeSpan Inserting, TimeSpan Committing, int AverageJsonLength)
{
    public double DeclarationsPerSecond => Declarations / (Inserting + Committing).TotalSeconds;
}

internal sealed record CommitResult(int Commits, TimeSpan Elapsed, LatencySummary Latency)
{
    public double CommitsPerSecond => Commits / Elapsed.TotalSeconds;
}
