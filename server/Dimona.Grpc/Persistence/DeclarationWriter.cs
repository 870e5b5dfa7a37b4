using System.Diagnostics;
using System.Threading.Channels;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Domain.Rules;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The one writer. Callers queue checked declarations; a background loop drains the bounded queue, decides each
/// declaration against the database (which, inside the transaction, already holds what earlier declarations of the
/// same transaction added), commits many declarations in one transaction, and only then answers each caller.
/// Unary calls and batch messages share it. A caller that gives up never aborts a transaction: its declarations
/// are still decided and committed, and a retry with the same request id returns them.
/// </summary>
public sealed class DeclarationWriter : IAsyncDisposable
{
    /// <summary>How many jobs (a unary call, or one batch message of up to 1000 declarations) the queue holds.</summary>
    public const int QueueCapacity = 128;

    /// <summary>How many declarations one transaction takes at most.</summary>
    public const int MaxDeclarationsPerCommit = 16384;

    private readonly Channel<Job> queue = Channel.CreateBounded<Job>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly IDeclarationStore store;
    private readonly StorageHealth health;
    private readonly TimeProvider time;
    private readonly ILogger<DeclarationWriter> logger;
    private readonly Task loop;
    private readonly NumberDraw numbers = new();

    public DeclarationWriter(IDeclarationStore store, StorageHealth health, TimeProvider time, ILogger<DeclarationWriter> logger)
    {
        this.store = store;
        this.health = health;
        this.time = time;
        this.logger = logger;
        loop = Task.Run(Run);
    }

    /// <summary>Jobs waiting in the queue.</summary>
    internal int Queued => queue.Reader.Count;

    /// <summary>
    /// Queues the declarations as one job and answers once they are committed, in the same order: each a stored
    /// declaration (new, or the first one for a retried request id) or the failure that kept it out.
    /// </summary>
    /// <param name="maxWait">How long to wait for room in a full queue before every item fails with WRITER_BUSY; null waits as long as the caller does.</param>
    public async Task<Outcome<Declaration>[]> WriteAsync(IReadOnlyList<CheckedDeclaration> items, TimeSpan? maxWait, CancellationToken ct)
    {
        var job = new Job(items);
        if (!queue.Writer.TryWrite(job))
        {
            using var timeout = maxWait is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                await queue.Writer.WriteAsync(job, wait.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return Fill(items.Count, Failure.WriterBusy(maxWait!.Value));
            }
            catch (ChannelClosedException)
            {
                return Fill(items.Count, Failure.ShuttingDown());
            }
        }
        return await job.Answer.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking work, commits what is queued, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task Run()
    {
        var jobs = new List<Job>();
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                var count = 0;
                while (count < MaxDeclarationsPerCommit && queue.Reader.TryRead(out var job))
                {
                    jobs.Add(job);
                    count += job.Items.Count;
                }
                Commit(jobs, count);
                jobs.Clear();
            }
        }
        catch (Exception e)
        {
            // A bug in the loop itself: stop taking work, and answer every job still held or queued rather than leave its caller waiting.
            queue.Writer.TryComplete();
            health.WriteFailed();
            logger.LogCritical(e, "The writer stopped: every declaration still queued is answered INTERNAL");
            while (queue.Reader.TryRead(out var job))
            {
                jobs.Add(job);
            }
            foreach (var job in jobs)
            {
                job.Answer.TrySetResult(Fill(job.Items.Count, Failure.Internal()));
            }
        }
    }

    private void Commit(List<Job> jobs, int count)
    {
        var started = Stopwatch.GetTimestamp();
        var decided = started;
        var added = 0;
        var answers = jobs.Select(j => new Outcome<Declaration>[j.Items.Count]).ToArray();
        try
        {
            using (var transaction = store.Begin())
            {
                var employers = new Dictionary<EmployerId, Employer?>();
                for (var j = 0; j < jobs.Count; j++)
                {
                    for (var i = 0; i < jobs[j].Items.Count; i++)
                    {
                        try
                        {
                            answers[j][i] = Decide(transaction, employers, jobs[j].Items[i], ref added);
                        }
                        catch (Exception e) when (!store.IsUnavailable(e))
                        {
                            logger.LogError(e, "A declaration failed to be decided and was answered INTERNAL");
                            answers[j][i] = Failure.Internal();
                        }
                    }
                }
                decided = Stopwatch.GetTimestamp();
                transaction.Commit();
            }
            if (added > 0 && health.WriteSucceeded())
            {
                logger.LogInformation("Storage writes again: declarations are stored and the health check is SERVING");
            }
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Committed {Count} declarations of {Jobs} jobs: decided in {DecideMs:F2} ms, committed in {CommitMs:F2} ms",
                    count, jobs.Count, Stopwatch.GetElapsedTime(started, decided).TotalMilliseconds, Stopwatch.GetElapsedTime(decided).TotalMilliseconds);
            }
        }
        catch (Exception e) when (store.IsUnavailable(e))
        {
            // One warning when writes start failing, not one per commit while they go on failing.
            logger.Log(health.WriteFailed() ? LogLevel.Warning : LogLevel.Debug,
                "Storage failure: {Count} declarations not stored, answered UNAVAILABLE; the health check is NOT_SERVING until a write succeeds. {Error}",
                count, StorageError(e));
            FillAll(answers, Failure.StorageUnavailable());
        }
        catch (Exception e)
        {
            logger.LogError(e, "The writer failed: {Count} declarations not stored, answered INTERNAL", count);
            FillAll(answers, Failure.Internal());
        }
        for (var j = 0; j < jobs.Count; j++)
        {
            jobs[j].Answer.TrySetResult(answers[j]);
        }
    }

    /// <summary>The stateful decision on one declaration: employer, retry, existing periods, result, number.</summary>
    private Outcome<Declaration> Decide(IStoreTransaction transaction, Dictionary<EmployerId, Employer?> employers, CheckedDeclaration item, ref int added)
    {
        var request = item.Request;
        if (!employers.TryGetValue(request.Employer, out var employer))
        {
            employer = employers[request.Employer] = transaction.FindEmployer(request.Employer);
        }
        if (employer is null)
        {
            return Failure.EmployerNotFound(request.Employer);
        }
        if (transaction.FindByRequestId(employer.Id, request.RequestId) is { } earlier)
        {
            return earlier.ReceivedJson == item.ReceivedJson ? earlier : Failure.RequestIdReused();
        }

        var niss = request.Worker.Niss;
        var periods = niss is null ? [] : transaction.PeriodsOf(employer.Id, niss);
        IReadOnlyList<Anomaly> anomalies = [.. DimonaInRules.Check(new InFacts(request.In, employer, periods)), .. item.Anomalies];
        var status = DeclarationResult.StatusOf(anomalies, workerIdentified: niss is not null);
        var applies = DeclarationResult.AppliesChange(status);
        Declaration declaration;
        do
        {
            var number = numbers.Next();
            declaration = new Declaration(number, status, anomalies, applies ? number : null, item.ReceiveTime, item.ReceivedJson);
        }
        while (!transaction.TryAdd(declaration, employer.Id, item));
        added++;
        if (logger.IsEnabled(LogLevel.Trace))
        {
            // Numbers, status and codes only: never the worker's NISS or name.
            logger.LogTrace("Declaration {DeclarationNumber} stored for employer {EmployerId}: {Status} {AnomalyCodes}",
                declaration.DeclarationNumber.Value, employer.Id, status, string.Join(',', anomalies.Select(a => a.Code)));
        }
        return declaration;
    }

    private static Outcome<Declaration>[] Fill(int count, Failure failure)
    {
        var answers = new Outcome<Declaration>[count];
        Array.Fill(answers, failure);
        return answers;
    }

    private static void FillAll(Outcome<Declaration>[][] answers, Failure failure)
    {
        foreach (var answer in answers)
        {
            Array.Fill(answer, failure);
        }
    }

    /// <summary>The storage error in one line: SQLite's own message names the problem, never a value.</summary>
    private static string StorageError(Exception e) => e is Microsoft.Data.Sqlite.SqliteException ? e.Message : $"{e.GetType().Name}: {e.Message}";

    private sealed class Job(IReadOnlyList<CheckedDeclaration> items)
    {
        public IReadOnlyList<CheckedDeclaration> Items { get; } = items;

        public TaskCompletionSource<Outcome<Declaration>[]> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
