using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// OpenTelemetry: the service's meter and commit spans, with ASP.NET Core's own, exported over OTLP when an endpoint
/// is configured: Dimona:Telemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT (with the other
/// OTEL_EXPORTER_OTLP_* settings the exporter reads itself). Without either nothing is collected or sent.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointKey = "Dimona:Telemetry:OtlpEndpoint";

    public static WebApplicationBuilder AddDimonaTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DimonaMetrics>();
        var endpoint = builder.Configuration[OtlpEndpointKey];
        if (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dimona"))
            .WithTracing(tracing => tracing
                .AddSource(DimonaMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => Endpoint(otlp, endpoint)))
            .WithMetrics(metrics => metrics
                .AddMeter(DimonaMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(otlp => Endpoint(otlp, endpoint)));
        return builder;
    }

    private static void Endpoint(OpenTelemetry.Exporter.OtlpExporterOptions otlp, string? endpoint)
    {
        if (!string.IsNullOrEmpty(endpoint))
        {
            otlp.Endpoint = new Uri(endpoint);
        }
    }
}
