using Dimona.Grpc.Hosting;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Security;
using Dimona.Grpc.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

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
        builder.AddDimonaStorage();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DimonaStore>();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddSingleton<DeclarationWriter>();
        builder.Services.AddSingleton<Submissions>();
        builder.Services.AddSingleton<Operations>();

        // Stateless, so one of each serves every call (gRPC would otherwise build each interceptor anew per call).
        builder.Services.AddSingleton<MetricsInterceptor>();
        builder.Services.AddSingleton<EdgeInterceptor>();
        builder.Services.AddSingleton<CallerInterceptor>();
        builder.Services.AddSingleton<RateLimitInterceptor>();
        builder.Services.AddSingleton<DeadlineCap>();
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
