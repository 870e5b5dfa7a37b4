using Dimona.Grpc.Persistence;
using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// The real server in memory, on its own SQLite file, with the clock fixed at <see cref="Now"/>
/// (2026-11-27 10:00 in Brussels) unless a <paramref name="clock"/> is given. Give two factories the same
/// <paramref name="databasePath"/> to restart. Compiled with DIMONA_POSTGRESQL, the server runs on a PostgreSQL
/// database of its own instead, named after the path. It accepts the tokens of <see cref="TestTokens"/>; its default
/// clients send <see cref="TestTokens.Default"/>, and calls without a token are refused unless
/// <paramref name="unsecuredChannel"/>.
/// </summary>
public sealed class DimonaServerFactory(string? databasePath = null, TimeProvider? clock = null, bool unsecuredChannel = false)
    : WebApplicationFactory<DimonaGrpcService>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public string DatabasePath { get; } = databasePath ?? Path.Combine(Path.GetTempPath(), $"dimona-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
#if DIMONA_POSTGRESQL
        // The same suite on PostgreSQL (tests/Dimona.Grpc.Tests.PostgreSql): a database of its own per path.
        PostgreSql.SharedCluster.UseDatabase(builder, DatabasePath);
#else
        builder.UseSetting(DimonaExtensions.DatabasePathKey, DatabasePath);
#endif
        builder.UseSetting("Dimona:Auth:SigningKeys:0", TestTokens.Key);
        builder.UseSetting("Dimona:Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Dimona:Auth:DevelopmentIssuer", "false");
        builder.UseSetting("Dimona:Auth:UnsecuredChannel", unsecuredChannel ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton(clock ?? new FixedTime(Now)));
    }

    /// <summary>A channel whose calls carry <see cref="TestTokens.Default"/>.</summary>
    public GrpcChannel CreateChannel() => CreateChannel(TestTokens.Default);

    /// <summary>A channel whose calls carry <paramref name="token"/>, or no token when it is null.</summary>
    public GrpcChannel CreateChannel(string? token) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerHandler(token, Server.CreateHandler()) });

    public DimonaService.DimonaServiceClient CreateDimonaClient() => new(CreateChannel());

    public DimonaService.DimonaServiceClient CreateDimonaClient(string? token) => new(CreateChannel(token));

    /// <summary>A writer's store of the server's own kind on its database, for tests that wrap it in faults.</summary>
#if DIMONA_POSTGRESQL
    public IDeclarationStore CreateDeclarationStore(IServiceProvider services) => new PostgreSqlDeclarationStore(services.GetRequiredService<Npgsql.NpgsqlDataSource>());
#else
    public IDeclarationStore CreateDeclarationStore(IServiceProvider services) => new SqliteDeclarationStore(DatabasePath);
#endif

    public DimonaDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>().CreateDbContext();

    /// <summary>Deletes the database file when this factory made it up itself.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (databasePath is null)
        {
#if DIMONA_POSTGRESQL
            PostgreSql.SharedCluster.DropDatabase(DatabasePath);
#endif
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
