using Microsoft.Data.Sqlite;

namespace Dimona.Grpc.Tests.Process;

/// <summary>The server's SQLite file read directly, read-only (beside a running server, WAL lets a reader in).</summary>
public static class SqliteFile
{
    public static async Task<SqliteConnection> OpenReadOnlyAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static async Task<long> CountDeclarationsAsync(string path, CancellationToken ct)
    {
        await using var connection = await OpenReadOnlyAsync(path, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Declarations";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
