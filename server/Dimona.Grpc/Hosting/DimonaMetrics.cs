using System.Diagnostics;
using System.Diagnostics.Metrics;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// The service's instruments, meter "Dimona", and its activity source for writer commits. Tags carry methods,
/// statuses, reasons and anomaly codes only: never a NISS, a name or any other value of a request.
/// </summary>
public sealed class DimonaMetrics
{
    public const string Name = "Dimona";

    /// <summary>Spans of the writer: one per commit, "dimona.writer.commit".</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> calls;
    private readonly Counter<long> declarations;
    private readonly Counter<long> anomalies;
    private readonly Counter<long> errors;
    private readonly Histogram<int> batchItems;
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<int> commitSize;

    public DimonaMetrics(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        calls = meter.CreateCounter<long>("dimona.calls", "{call}", "Calls answered, by method and gRPC status code.");
        declarations = meter.CreateCounter<long>("dimona.declarations", "{declaration}", "Declarations answered with a result, by kind and status (previews included, tagged).");
        anomalies = meter.CreateCounter<long>("dimona.declaration.anomalies", "{anomaly}", "Anomalies in the results, by official code.");
        errors = meter.CreateCounter<long>("dimona.declaration.errors", "{declaration}", "Submissions (calls or batch items) answered with an error, by reason.");
        batchItems = meter.CreateHistogram<int>("dimona.batch.message.items", "{item}", "Items per batch message received.");
        commitDuration = meter.CreateHistogram<double>("dimona.writer.commit.duration", "s", "Time a writer transaction took, deciding and committing.");
        commitSize = meter.CreateHistogram<int>("dimona.writer.commit.declarations", "{declaration}", "Declarations (or other pieces of work) per writer transaction.");
    }

    /// <summary>Reports the writer's queue depth (jobs waiting) as the observable gauge "dimona.writer.queue.depth".</summary>
    public void ObserveQueue(Func<int> queued) =>
        meter.CreateObservableGauge("dimona.writer.queue.depth", queued, "{job}", "Jobs (a unary submission or a batch message) waiting for the writer.");

    /// <summary>Starts measuring one writer transaction of <paramref name="count"/> pieces; disposing records it.</summary>
    public CommitMeasure MeasureCommit(int count) => new(this, count, Source.StartActivity("dimona.writer.commit"));

    public void Call(string method, global::Grpc.Core.StatusCode code) =>
        calls.Add(1, new("rpc.method", method), new("rpc.grpc.status_code", (int)code));

    public void Declared(V1.Declaration declaration, bool preview)
    {
        declarations.Add(1, new("dimona.declaration.kind", declaration.ContentCase.ToString()), new("dimona.declaration.status", declaration.Status.ToString()),
            new("dimona.preview", preview));
        foreach (var anomaly in declaration.Anomalies)
        {
            anomalies.Add(1, new KeyValuePair<string, object?>("dimona.anomaly.code", anomaly.Code));
        }
    }

    public void Refused(string reason) => errors.Add(1, new KeyValuePair<string, object?>("dimona.error.reason", reason));

    public void BatchMessage(int items) => batchItems.Record(items);

    /// <summary>One writer transaction being measured: its span, then its duration and size.</summary>
    public sealed class CommitMeasure : IDisposable
    {
        private readonly DimonaMetrics metrics;
        private readonly int count;
        private readonly Activity? activity;
        private readonly long started = Stopwatch.GetTimestamp();

        internal CommitMeasure(DimonaMetrics metrics, int count, Activity? activity)
        {
            this.metrics = metrics;
            this.count = count;
            this.activity = activity;
            activity?.SetTag("dimona.writer.commit.declarations", count);
        }

        public void Dispose()
        {
            metrics.commitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            metrics.commitSize.Record(count);
            activity?.Dispose();
        }
    }
}
