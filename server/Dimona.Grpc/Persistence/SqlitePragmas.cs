using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Sets the durability pragmas on every SQLite connection as it opens: WAL journal, synchronous=FULL
/// (a commit is on disk before its caller is answered), and a busy timeout for readers beside the writer.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    /// <summary>
    /// The writer's connection: the same, a 128 MiB page cache that keeps the indexes of a million declarations in
    /// memory across transactions, and a WAL checkpoint every 8192 pages (32 MiB) rather than every 1000, so that a
    /// page changed by several group commits is copied back to the database file once.
    /// </summary>
    public const string WriterSql = Sql + " PRAGMA cache_size=-131072; PRAGMA wal_autocheckpoint=8192;";

    // EF Core checks whether the database exists on a read-only connection; switching an empty file to WAL there
    // would fail with "attempt to write a readonly database", although SQLite takes an empty file as a new database.
    private const string ReadOnlySql = "PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqlFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqlFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string SqlFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlySql : Sql;
}
