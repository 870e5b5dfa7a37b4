using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The schema on PostgreSQL: the same model as <see cref="DimonaDbContext"/>, a type of its own so that its
/// migrations (Persistence/PostgreSqlMigrations) are told apart from SQLite's. The read side sees it as a
/// <see cref="DimonaDbContext"/>.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<DimonaDbContext> options) : DimonaDbContext(options);

/// <summary>Hands out <see cref="PostgreSqlDbContext"/>s where a <see cref="DimonaDbContext"/> is asked for.</summary>
public sealed class PostgreSqlDbContextFactory(DbContextOptions<DimonaDbContext> options) : IDbContextFactory<DimonaDbContext>
{
    public DimonaDbContext CreateDbContext() => new PostgreSqlDbContext(options);
}

/// <summary>Lets `dotnet ef migrations add --context PostgreSqlDbContext` build the model without a database.</summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DimonaDbContext>();
        options.UseDimonaPostgreSql(NpgsqlDataSource.Create("Host=localhost;Database=dimona-design"));
        return new PostgreSqlDbContext(options.Options);
    }
}
