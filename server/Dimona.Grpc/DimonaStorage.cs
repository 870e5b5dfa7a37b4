using System.Net.Sockets;
using Dimona.Grpc.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Dimona.Grpc;

/// <summary>
/// The database the service runs on, chosen by configuration: a SQLite file (the default, one server instance) or a
/// PostgreSQL database (any number of instances sharing it). Both get the same schema from their own migrations, the
/// same read side (<see cref="DimonaStore"/>) and a writer's store of their own (<see cref="IDeclarationStore"/>).
/// </summary>
public static class DimonaStorage
{
    /// <summary>Sqlite (the default) or PostgreSql; configuration key Dimona:Database:Provider (env Dimona__Database__Provider).</summary>
    public const string ProviderKey = "Dimona:Database:Provider";

    /// <summary>The PostgreSQL connection string: Dimona:Database:ConnectionString, or else ConnectionStrings:Dimona.</summary>
    public const string ConnectionStringKey = "Dimona:Database:ConnectionString";

    /// <summary>Where a connection string may also be given, the usual .NET place.</summary>
    public const string ConnectionStringName = "Dimona";

    /// <summary>The session-level advisory lock PostgreSQL instances take around migrating, so that one migrates at a time.</summary>
    public const long MigrationLockKey = 0x44696D6F6E61; // "Dimona", above any NISS (11 digits), which the writer locks on.

    /// <summary>
    /// What keeps the configuration from naming a database, in one sentence naming the keys to set: a provider that is
    /// neither Sqlite nor PostgreSql, or PostgreSql without a connection string; null when nothing. Checked before
    /// <see cref="AddDimonaStorage"/>, which takes the settings as valid.
    /// </summary>
    public static string? SettingsProblem(IConfiguration configuration)
    {
        if (ProviderOf(configuration) is not { } provider)
        {
            return $"{ProviderKey} is '{configuration[ProviderKey]}': it is {nameof(DatabaseProvider.Sqlite)} (the default) or {nameof(DatabaseProvider.PostgreSql)}";
        }
        if (provider != DatabaseProvider.PostgreSql)
        {
            return null;
        }
        if (ConnectionStringOf(configuration) is not { } connectionString)
        {
            return $"{ProviderKey} is {nameof(DatabaseProvider.PostgreSql)} but no connection string is set: set {ConnectionStringKey}"
                + $" (env Dimona__Database__ConnectionString) or ConnectionStrings:{ConnectionStringName}";
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            // The message names the keyword or value at fault, never the password.
            return $"{ConnectionStringKey} is not a PostgreSQL connection string: {e.Message}";
        }
    }

    /// <summary>Registers the database chosen by configuration: EF Core's context factory and the writer's store.</summary>
    public static WebApplicationBuilder AddDimonaStorage(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (SettingsProblem(configuration) is { } problem)
        {
            throw new InvalidOperationException($"{problem}; SettingsProblem is checked before AddDimonaStorage.");
        }
        var provider = ProviderOf(configuration)!.Value;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = ConnectionStringOf(configuration)!;
            var dataSource = PostgreSqlDeclarationStore.CreateDataSource(connectionString);
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddSingleton(new DatabaseLocation(provider, PostgreSqlDeclarationStore.Describe(dataSource)));
            builder.Services.AddDbContextFactory<DimonaDbContext, PostgreSqlDbContextFactory>(options => options.UseDimonaPostgreSql(dataSource));
            builder.Services.AddSingleton<IDeclarationStore>(_ => new PostgreSqlDeclarationStore(dataSource));
            return builder;
        }
        var path = Path.GetFullPath(configuration[DimonaExtensions.DatabasePathKey] ?? Path.Combine("data", "dimona.db"), builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new DatabaseLocation(provider, path));
        builder.Services.AddDbContextFactory<DimonaDbContext>(options => options.UseDimonaSqlite(path));
        builder.Services.AddSingleton<IDeclarationStore>(_ => new SqliteDeclarationStore(path));
        return builder;
    }

    /// <summary>The configured provider, Sqlite when none is set; null when the setting names no provider.</summary>
    private static DatabaseProvider? ProviderOf(IConfiguration configuration) => configuration[ProviderKey] is { Length: > 0 } text
        ? Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !text.Any(char.IsAsciiDigit) ? parsed : null
        : DatabaseProvider.Sqlite;

    private static string? ConnectionStringOf(IConfiguration configuration) =>
        configuration[ConnectionStringKey] is { Length: > 0 } given ? given
            : configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } named ? named : null;

    public static DbContextOptionsBuilder UseDimonaSqlite(this DbContextOptionsBuilder options, string path) => options
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString())
        .AddInterceptors(new SqlitePragmas())
        .UseDemoEmployers();

    public static DbContextOptionsBuilder UseDimonaPostgreSql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) => options
        .UseNpgsql(dataSource)
        .UseDemoEmployers();

    private static DbContextOptionsBuilder UseDemoEmployers(this DbContextOptionsBuilder options) => options
        .UseAsyncSeeding((db, _, ct) => DemoEmployers.SeedAsync(db, ct))
        .UseSeeding((db, _) => DemoEmployers.SeedAsync(db, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>
    /// Creates or migrates the schema (seeding the demo employers on first start). When the database cannot be used,
    /// writes one line naming it (a SQLite file, or a PostgreSQL host, port and database, never a password) and what
    /// is wrong to standard error and returns false.
    /// </summary>
    public static async Task<bool> PrepareDimonaDatabaseAsync(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<DatabaseLocation>();
        try
        {
            if (location.Provider == DatabaseProvider.PostgreSql)
            {
                await MigratePostgreSqlAsync(app.Services);
                return true;
            }
            if (PathProblem(location.Name) is { } problem)
            {
                await Console.Error.WriteLineAsync($"dimona: cannot use the database {location.Name}: {problem}.");
                return false;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(location.Name)!);
            var factory = app.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateAsync();
            return true;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or NpgsqlException or SocketException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"dimona: cannot use the database {location.Name}: {e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Migrates under a session-level advisory lock held on a connection of its own, so that instances starting at
    /// once migrate one after the other: the first migrates and seeds, the others find nothing left to do.
    /// </summary>
    private static async Task MigratePostgreSqlAsync(IServiceProvider services)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }
        try
        {
            var factory = services.GetRequiredService<IDbContextFactory<DimonaDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            // On an empty database the migrator reads "__EFMigrationsHistory" before the table exists, and EF Core logs
            // the failed read (42P01) as an error (Database.Command 20102) on a normal first start; created first
            // (CREATE TABLE IF NOT EXISTS, under the lock), the read finds it empty.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
            await db.Database.MigrateAsync();
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    /// <summary>What SQLite would report only as "disk I/O error" or "already exists": a folder in the file's place, a file in a folder's.</summary>
    private static string? PathProblem(string path)
    {
        if (Directory.Exists(path))
        {
            return "it is a folder, not a file";
        }
        for (var folder = Path.GetDirectoryName(path); folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return $"{folder} is a file, not a folder";
            }
        }
        return null;
    }
}

/// <summary>The database providers the service runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database the service uses: its provider and, for messages, its name (the SQLite file's full path, or PostgreSQL's host:port/database).</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string Name);
