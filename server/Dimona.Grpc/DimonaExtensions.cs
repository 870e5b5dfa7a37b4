using Dimona.Grpc.Persistence;
using Dimona.Grpc.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc;

/// <summary>Service registrations and endpoint mapping, so that Program reads as a table of contents.</summary>
public static class DimonaExtensions
{
    /// <summary>The SQLite file, relative to the content root; configuration key Dimona:DatabasePath (env Dimona__DatabasePath).</summary>
    public const string DatabasePathKey = "Dimona:DatabasePath";

    public static WebApplicationBuilder AddDimona(this WebApplicationBuilder builder)
    {
        var path = builder.Configuration[DatabasePathKey] ?? Path.Combine("data", "dimona.db");
        path = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        builder.Services.AddDbContextFactory<DimonaDbContext>(options => options.UseDimonaSqlite(path));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DimonaStore>();
        builder.Services.AddSingleton<DeclarationWriter>();

        builder.Services.AddGrpc(options => options.Interceptors.Add<DomainErrorInterceptor>());
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddDbContextCheck<DimonaDbContext>("database");
        return builder;
    }

    public static DbContextOptionsBuilder UseDimonaSqlite(this DbContextOptionsBuilder options, string path) => options
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString())
        .AddInterceptors(new SqlitePragmas())
        .UseAsyncSeeding((db, _, ct) => DemoEmployers.SeedAsync(db, ct))
        .UseSeeding((db, _) => DemoEmployers.SeedAsync(db, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>Creates or migrates the schema and seeds the demo employers on first start.</summary>
    public static async Task MigrateDimonaDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public static WebApplication MapDimona(this WebApplication app)
    {
        app.MapGrpcService<DimonaGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
