using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

public class PersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declaration_AfterServerRestartOnSameFile_IsStillReadable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dimona-restart-{Guid.NewGuid():N}.db");
        try
        {
            Dimona.V1.Declaration submitted;
            await using (var first = new DimonaServerFactory(path))
            {
                submitted = (await first.CreateDimonaClient().SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;
            }

            await using var second = new DimonaServerFactory(path);
            var read = (await second.CreateDimonaClient().GetDeclarationAsync(
                new() { DeclarationNumber = submitted.DeclarationNumber }, cancellationToken: Ct)).Declaration;

            Assert.Equal(submitted, read);
            await using var db = second.CreateDbContext();
            Assert.Equal(3, await db.Employers.CountAsync(Ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task Connection_EveryTimeItOpens_IsSetToWalAndSynchronousFull()
    {
        await using var server = new DimonaServerFactory();
        _ = server.Services;
        await using var db = server.CreateDbContext();
        var connection = db.Database.GetDbConnection();

        // A pooled connection keeps its pragmas: spoil it, give it back to the pool, and take it again.
        await db.Database.OpenConnectionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF", Ct);
        await db.Database.CloseConnectionAsync();
        await db.Database.OpenConnectionAsync(Ct);

        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous"));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Database_OnFirstStart_SeedsDefinitiveProvisionalAndInactiveEmployers()
    {
        await using var server = new DimonaServerFactory();
        _ = server.Services;
        await using var db = server.CreateDbContext();
        var employers = await db.Employers.ToListAsync(Ct);

        Assert.Contains(employers, e => e.OnssNumber is not null && e.Active);
        Assert.Contains(employers, e => e.OnssNumber is null && e.ProvisionalOnssNumber is not null && e.Active);
        Assert.Contains(employers, e => !e.Active);
    }
}
