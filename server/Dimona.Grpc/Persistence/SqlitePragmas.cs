using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Sets the durability pragmas on every SQLite connection as it opens: WAL journal, synchronous=FULL
/// (a commit is on disk before its caller is answered), and a busy timeout for readers beside the writer.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
