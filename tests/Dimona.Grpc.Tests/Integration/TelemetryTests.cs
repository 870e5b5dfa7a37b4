using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dimona.Grpc.Hosting;
using Dimona.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>The meter "Dimona" and the writer's spans, and OTLP export switched on by configuration.</summary>
public class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_OfCallsResultsBatchesAndCommits_AreReported_WithoutPersonalData()
    {
        await using var server = new DimonaServerFactory();
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DimonaMetrics.Name && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        listener.Start();
        var client = server.CreateDimonaClient();

        await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);
        await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);
        var malformed = Requests.Stg();
        malformed.Worker.Niss = "93051822362";
        await Assert.ThrowsAsync<RpcException>(() => client.SubmitDeclarationAsync(malformed, cancellationToken: Ct).ResponseAsync);
        using (var batch = new BatchCalls(client))
        {
            await batch.SendAsync(Requests.Stg(), malformed, Requests.Stg(Requests.ProvisionalEmployer));
            await batch.CompleteAsync();
        }
        listener.RecordObservableInstruments();

        var seen = measurements.ToList();
        Assert.Contains(seen, m => m.Instrument == "dimona.calls" && m.Tags.Contains("rpc.grpc.status_code=3", StringComparison.Ordinal));
        Assert.Contains(seen, m => m.Instrument == "dimona.declarations" && m.Tags.Contains("dimona.declaration.status=Accepted", StringComparison.Ordinal));
        Assert.Contains(seen, m => m.Instrument == "dimona.declarations" && m.Tags.Contains("dimona.declaration.status=Refused", StringComparison.Ordinal));
        Assert.Contains(seen, m => m.Instrument == "dimona.declaration.anomalies" && m.Tags.Contains("dimona.anomaly.code=", StringComparison.Ordinal));
        Assert.Equal(2, seen.Count(m => m.Instrument == "dimona.declaration.errors" && m.Tags.Contains("dimona.error.reason=INVALID_REQUEST", StringComparison.Ordinal)));
        Assert.Contains(seen, m => m.Instrument == "dimona.batch.message.items" && m.Value == 3);
        Assert.Contains(seen, m => m.Instrument == "dimona.writer.commit.duration" && m.Value > 0);
        Assert.Contains(seen, m => m.Instrument == "dimona.writer.commit.declarations" && m.Value >= 1);
        Assert.Contains(seen, m => m.Instrument == "dimona.writer.queue.depth" && m.Value >= 0);
        Assert.DoesNotContain(seen, m => m.Tags.Contains(Requests.Niss, StringComparison.Ordinal) || m.Tags.Contains("93051822362", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Traces_EachWriterCommit_IsASpanWithItsSize()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DimonaMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = new DimonaServerFactory();

        await server.CreateDimonaClient().SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);

        Assert.Contains(spans, s => s.OperationName == "dimona.writer.commit" && s.GetTagItem("dimona.writer.commit.declarations") is int n && n >= 1);
    }

    [Fact]
    public async Task Otlp_OnlyWhenAnEndpointIsConfigured()
    {
        await using var server = new DimonaServerFactory();
        using var exporting = server.WithWebHostBuilder(b => b.UseSetting(Telemetry.OtlpEndpointKey, "http://127.0.0.1:4317"));

        Assert.Null(server.Services.GetService<TracerProvider>());
        Assert.Null(server.Services.GetService<MeterProvider>());
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
        await Task.CompletedTask;
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }
        return string.Join(' ', parts);
    }
}
