using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// What running the service for real adds to <see cref="DimonaExtensions.AddDimona"/>: TLS client certificates,
/// limits (message sizes, maximum deadline, rate limiting per employer), reflection by configuration, logs through
/// redaction, OpenTelemetry.
/// </summary>
public static class OpsExtensions
{
    /// <summary>Whether server reflection is mapped: configuration key Dimona:Reflection, true in appsettings.Development.json only.</summary>
    public const string ReflectionKey = "Dimona:Reflection";

    public static WebApplicationBuilder AddDimonaOps(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LimitOptions>(builder.Configuration.GetSection(LimitOptions.Section));
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<RateLimits>();
        // After AddGrpc's own options, so that the configured sizes win.
        builder.Services.AddOptions<GrpcServiceOptions>().Configure<IOptions<LimitOptions>>((grpc, limits) =>
        {
            grpc.MaxReceiveMessageSize = limits.Value.MaxReceiveMessageBytes;
            grpc.MaxSendMessageSize = limits.Value.MaxSendMessageBytes;
        });
        builder.AddDimonaTls();
        builder.AddDimonaRedaction();
        builder.AddDimonaTelemetry();
        return builder;
    }

    public static WebApplication MapDimonaOps(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(ReflectionKey))
        {
            app.MapGrpcReflectionService();
        }
        return app;
    }
}
