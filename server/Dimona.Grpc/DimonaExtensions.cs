using Dimona.Grpc.Hosting;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Security;
using Dimona.Grpc.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc;

/// <summary>Service registrations and endpoint mapping, so that Program reads as a table of contents.</summary>
public static class DimonaExtensions
{
    /// <summary>The SQLite file, relative to the content root; configuration key Dimona:DatabasePath (env Dimona__DatabasePath).</summary>
    public const string DatabasePathKey = "Dimona:DatabasePath";

    /// <summary>The largest request message, a batch message included: 4 MiB, gRPC's usual limit, stated here to be documented.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddDimona(this WebApplicationBuilder builder)
    {
        // gRPC without TLS needs HTTP/2 with prior knowledge: every endpoint speaks it unless its configuration says
        // otherwise, and with no endpoint configured Kestrel listens on http://localhost:5000.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        var path = Path.GetFullPath(builder.Configuration[DatabasePathKey] ?? Path.Combine("data", "dimona.db"), builder.Environment.ContentRootPath);

        builder.Services.AddSingleton(new DatabaseFile(path));
        builder.Services.AddDbContextFactory<DimonaDbContext>(options => options.UseDimonaSqlite(path));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DimonaStore>();
        builder.Services.AddSingleton<IDeclarationStore>(_ => new SqliteDeclarationStore(path));
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddSingleton<DeclarationWriter>();
        builder.Services.AddSingleton<Submissions>();
        builder.Services.AddSingleton<Operations>();

        builder.Services.AddGrpc(options =>
        {
            // Outermost first: every call counted; its edge (unparsable, storage, cancelled); who calls; their rate;
            // the deadline ceiling.
            options.Interceptors.Add<MetricsInterceptor>();
            options.Interceptors.Add<EdgeInterceptor>();
            options.Interceptors.Add<CallerInterceptor>();
            options.Interceptors.Add<RateLimitInterceptor>();
            options.Interceptors.Add<DeadlineCap>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks()
            .AddDbContextCheck<DimonaDbContext>("database")
            .AddCheck<StorageHealth>("storage");
        // gRPC logs every error status a handler raises, with the stack of an unparsable request, at Information:
        // expected client errors are answered with their status and, where worth it, one line of our own.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        // Streams stop reading at once on shutdown; this bounds the wait for anything else still open.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.AddDimonaSecurity();
        builder.AddDimonaOps();
        return builder;
    }

    public static DbContextOptionsBuilder UseDimonaSqlite(this DbContextOptionsBuilder options, string path) => options
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString())
        .AddInterceptors(new SqlitePragmas())
        .UseAsyncSeeding((db, _, ct) => DemoEmployers.SeedAsync(db, ct))
        .UseSeeding((db, _) => DemoEmployers.SeedAsync(db, CancellationToken.None).GetAwaiter().GetResult());

    /// <summary>
    /// Creates or migrates the schema (seeding the demo employers on first start). When the database cannot be used,
    /// writes one line naming the file and what is wrong to standard error and returns false.
    /// </summary>
    public static async Task<bool> PrepareDimonaDatabaseAsync(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<DatabaseFile>().Path;
        if (PathProblem(path) is { } problem)
        {
            await Console.Error.WriteLineAsync($"dimona: cannot use the database {path}: {problem}.");
            return false;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var factory = app.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateAsync();
            return true;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"dimona: cannot use the database {path}: {e.Message}");
            return false;
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

    /// <summary>
    /// Starts listening. When an address cannot be taken (in use, or a port the user may not open), writes one line
    /// naming it to standard error and returns false.
    /// </summary>
    public static async Task<bool> StartDimonaAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
            return true;
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"dimona: cannot listen: {e.Message}");
            return false;
        }
    }

    public static WebApplication MapDimona(this WebApplication app)
    {
        app.MapGrpcService<DimonaGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapDimonaOps();
        return app;
    }
}

/// <summary>The SQLite file the service uses, as a full path.</summary>
public sealed record DatabaseFile(string Path);
