using System.Diagnostics;
using System.Threading.Channels;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Hosting;

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


    /// <summary>
    /// How many times a transaction is decided when it keeps conflicting with other instances: then its jobs fail
    /// UNAVAILABLE, which their callers retry, and the health check is left as it is (contention is not a failing database).
    /// </summary>
    public const int MaxConflictAttempts = 8;

    /// <summary>The longest pause before deciding a conflicting transaction again: a random part of it, doubling from 5 ms per attempt.</summary>
    private static readonly TimeSpan MaxConflictBackOff = TimeSpan.FromMilliseconds(200);

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
    private readonly DimonaMetrics metrics;

    /// <summary>How many declarations one transaction takes at most (a whole job more at worst): the store's say.</summary>
    private readonly int maxPerCommit;

    /// <summary>Rows the current commit added: counted by the loop, the one thread that decides.</summary>
    private int addedInCommit;

    public DeclarationWriter(IDeclarationStore store, StorageHealth health, TimeProvider time, ILogger<DeclarationWriter> logger, DimonaMetrics metrics)
    {
        this.store = store;
        this.health = health;
        this.time = time;
        this.logger = logger;
        this.metrics = metrics;
        maxPerCommit = store.MaxDeclarationsPerCommit;
        metrics.ObserveQueue(() => Queued);
        loop = Task.Run(Run);
    }

    /// <summary>Jobs waiting in the queue.</summary>
    internal int Queued => queue.Reader.Count;

    /// <summary>
    /// Queues the declarations as one job and answers once they are committed, in the same order: each a stored
    /// declaration (new, or the first one for a retried request id) or the failure that kept it out.
    /// </summary>
    /// <param name="maxWait">How long to wait for room in a full queue before every item fails with WRITER_BUSY; null waits as long as the caller does.</param>
    public Task<Outcome<Declaration>[]> WriteAsync(IReadOnlyList<CheckedDeclaration> items, TimeSpan? maxWait, CancellationToken ct) =>
        EnqueueAsync(new DeclarationJob(this, items), maxWait, ct);

    /// <summary>
    /// Runs <paramref name="work"/> (an operator's or a registration's change) alone in the writer's next transaction
    /// and answers once it is committed.
    /// </summary>
    public async Task<Outcome<T>> RunAsync<T>(Func<IStoreTransaction, Outcome<T>> work, TimeSpan maxWait, CancellationToken ct)
        where T : class => (await EnqueueAsync(new WorkJob<T>(this, work), maxWait, ct))[0];

    private async Task<Outcome<T>[]> EnqueueAsync<T>(Job<T> job, TimeSpan? maxWait, CancellationToken ct)
        where T : class
    {
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
                return Fill<T>(job.Count, Failure.WriterBusy(maxWait!.Value));
            }
            catch (ChannelClosedException)
            {
                return Fill<T>(job.Count, Failure.ShuttingDown());
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
                while (count < maxPerCommit && queue.Reader.TryPeek(out var next))
                {
                    // Other work (an operator's, a registration) runs in a transaction of its own: it locks the worker
                    // it needs as it goes, which after the workers of declarations locked up front could deadlock with
                    // another instance.
                    if (next is not DeclarationJob && jobs.Count > 0)
                    {
                        break;
                    }
                    queue.Reader.TryRead(out var job);
                    jobs.Add(job!);
                    count += job!.Count;
                    if (job is not DeclarationJob)
                    {
                        break;
                    }
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
            logger.Failed(e, "The writer stopped: every declaration still queued is answered INTERNAL", LogLevel.Critical);
            while (queue.Reader.TryRead(out var job))
            {
                jobs.Add(job);
            }
            foreach (var job in jobs)
            {
                job.Fail(Failure.Internal());
                job.Complete();
            }
        }
    }

    private void Commit(List<Job> jobs, int count)
    {
        using var measured = metrics.MeasureCommit(count);
        var started = Stopwatch.GetTimestamp();
        var decided = started;
        try
        {
            // Another instance on the same database may get there first (store.IsConflict): everything is decided
            // again, on what is there now, a bounded number of times. The workers are locked first, all at once.
            var (workers, periods) = Named(jobs);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    addedInCommit = 0;
                    using (var transaction = store.Begin())
                    {
                        transaction.LockWorkers(workers, periods);
                        var employers = new Dictionary<EmployerId, Employer?>();
                        foreach (var job in jobs)
                        {
                            job.Decide(transaction, employers);
                        }
                        decided = Stopwatch.GetTimestamp();
                        transaction.Commit();
                    }
                    break;
                }
                catch (Exception e) when (attempt < MaxConflictAttempts && store.IsConflict(e))
                {
                    logger.LogDebug("Conflict with another instance, deciding {Count} declarations again (attempt {Attempt}): {Error}", count, attempt + 1, e.Message);
                    // Jittered: two instances that met do not come back at the same moment.
                    var limit = Math.Min(MaxConflictBackOff.TotalMilliseconds, 5 << Math.Min(attempt - 1, 10));
                    Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * limit));
                }
            }
            if (addedInCommit > 0 && health.WriteSucceeded())
            {
                logger.LogInformation("Storage writes again: declarations are stored and the health check is SERVING");
            }
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Committed {Count} declarations of {Jobs} jobs: decided in {DecideMs:F2} ms, committed in {CommitMs:F2} ms",
                    count, jobs.Count, Stopwatch.GetElapsedTime(started, decided).TotalMilliseconds, Stopwatch.GetElapsedTime(decided).TotalMilliseconds);
            }
        }
        catch (Exception e) when (store.IsConflict(e))
        {
            // Contention with other instances, not a failing database: the callers retry, the health check stays as it is.
            logger.LogWarning("Conflict with other instances {Attempts} times in a row: {Count} declarations not stored, answered UNAVAILABLE; the health check is unchanged. {Error}",
                MaxConflictAttempts, count, StorageError(e));
            jobs.ForEach(job => job.Fail(Failure.StorageUnavailable()));
        }
        catch (Exception e) when (store.IsUnavailable(e))
        {
            // One warning when writes start failing, not one per commit while they go on failing.
            logger.Log(health.WriteFailed() ? LogLevel.Warning : LogLevel.Debug,
                "Storage failure: {Count} declarations not stored, answered UNAVAILABLE; the health check is NOT_SERVING until a write succeeds. {Error}",
                count, StorageError(e));
            jobs.ForEach(job => job.Fail(Failure.StorageUnavailable()));
        }
        catch (Exception e)
        {
            logger.Failed(e, $"The writer failed: {count} declarations not stored, answered INTERNAL");
            jobs.ForEach(job => job.Fail(Failure.Internal()));
        }
        jobs.ForEach(job => job.Complete());
    }

    /// <summary>The workers the jobs' declarations name, and the periods they change: what the transaction locks first.</summary>
    private static (HashSet<Niss> Workers, HashSet<PeriodId> Periods) Named(List<Job> jobs)
    {
        var workers = new HashSet<Niss>();
        var periods = new HashSet<PeriodId>();
        foreach (var job in jobs)
        {
            job.Name(workers, periods);
        }
        return (workers, periods);
    }

    /// <summary>
    /// Decides one piece of work in the transaction: a bug fails that piece alone with INTERNAL; a storage failure
    /// fails the whole transaction.
    /// </summary>
    private Outcome<T> Guarded<T>(Func<Outcome<T>> decide)
        where T : class
    {
        try
        {
            return decide();
        }
        catch (Exception e) when (!store.IsUnavailable(e) && !store.IsConflict(e))
        {
            logger.Failed(e, "A piece of work failed to be decided and was answered INTERNAL");
            return Failure.Internal();
        }
    }

    /// <summary>The stateful decision on one declaration: employer, retry, facts, result, number.</summary>
    private Outcome<Declaration> Decide(IStoreTransaction transaction, Dictionary<EmployerId, Employer?> employers, CheckedDeclaration item)
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
        if (Access.Declare(item.Caller, employer) is { } denied)
        {
            return denied;
        }
        if (!request.ValidateOnly && transaction.FindByRequestId(employer.Id, request.RequestId) is { } earlier)
        {
            // Both were made by this employer, perhaps under two of its numbers: the rest must be the same.
            return Services.ContractMapping.SameDeclaration(earlier.ReceivedJson, item.ReceivedJson) ? earlier : Failure.RequestIdReused();
        }

        var decision = request.Content switch
        {
            DimonaIn @in => Decisions.In(transaction, employer, request.Worker!, @in, item.Anomalies),
            PeriodChange change => Decisions.Change(transaction, employer, request, change, item.Anomalies, item.ReceiveTime),
            _ => throw new ArgumentException($"No decision for a {request.Content.Kind}.", nameof(item)),
        };
        var status = decision.Status;
        if (request.ValidateOnly)
        {
            return new Declaration(null, status, decision.Anomalies, null, item.ReceiveTime, item.ReceivedJson);
        }
        DecidedDeclaration decided;
        do
        {
            var number = numbers.Next();
            var saves = decision.Saves(number, employer.Id);
            decided = new DecidedDeclaration(
                new Declaration(number, status, decision.Anomalies, saves?.Id ?? decision.Named, item.ReceiveTime, item.ReceivedJson),
                employer.Id, request.RequestId, request.Content.Kind, decision.Worker, saves is null ? decision.Shape : PeriodShape.Of(saves), saves,
                CreatesPeriod: decision.Creates is not null);
        }
        while (!transaction.TryAdd(decided));
        transaction.Audit(AuditRecord.Declared(time.GetUtcNow(), item.Caller, decided));
        addedInCommit++;
        if (logger.IsEnabled(LogLevel.Trace))
        {
            // Numbers, status and codes only: never the worker's NISS or name.
            logger.LogTrace("Declaration {DeclarationNumber} ({Kind}) stored for employer {EmployerId}: {Status} {AnomalyCodes}",
                decided.Declaration.DeclarationNumber!.Value, request.Content.Kind, employer.Id, status, string.Join(',', decision.Anomalies.Select(a => a.Code)));
        }
        return decided.Declaration;
    }

    private static Outcome<T>[] Fill<T>(int count, Failure failure)
        where T : class
    {
        var answers = new Outcome<T>[count];
        Array.Fill(answers, failure);
        return answers;
    }

    /// <summary>The storage error in one line: the database's own message names the problem, never a value.</summary>
    private static string StorageError(Exception e) => e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException ? e.Message : $"{e.GetType().Name}: {e.Message}";

    /// <summary>A piece of queued work: decided inside a transaction, then answered once it commits or fails.</summary>
    private abstract class Job
    {
        /// <summary>How many declarations (or pieces of work) it holds: what a commit is counted in.</summary>
        public abstract int Count { get; }

        /// <summary>
        /// Adds the workers it declares for and the periods it changes, to be locked before anything is decided; work
        /// that names neither in advance (an operator's, a registration) locks what it meets as it goes.
        /// </summary>
        public virtual void Name(HashSet<Niss> workers, HashSet<PeriodId> periods)
        {
        }

        /// <summary>Decides every piece in the transaction.</summary>
        public abstract void Decide(IStoreTransaction transaction, Dictionary<EmployerId, Employer?> employers);

        /// <summary>Replaces every answer with <paramref name="failure"/>: the transaction did not commit.</summary>
        public abstract void Fail(Failure failure);

        public abstract void Complete();
    }

    private abstract class Job<T>(int count) : Job
        where T : class
    {
        protected readonly Outcome<T>[] answers = new Outcome<T>[count];

        public override int Count => answers.Length;

        public TaskCompletionSource<Outcome<T>[]> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Failure failure) => Array.Fill(answers, failure);

        public override void Complete() => Answer.TrySetResult(answers);
    }

    private sealed class DeclarationJob(DeclarationWriter writer, IReadOnlyList<CheckedDeclaration> items) : Job<Declaration>(items.Count)
    {
        public override void Name(HashSet<Niss> workers, HashSet<PeriodId> periods)
        {
            foreach (var item in items)
            {
                switch (item.Request.Content)
                {
                    case DimonaIn when item.Request.Worker?.Niss is { } niss:
                        workers.Add(niss);
                        break;
                    case PeriodChange change:
                        periods.Add(change.PeriodId);
                        break;
                }
            }
        }

        public override void Decide(IStoreTransaction transaction, Dictionary<EmployerId, Employer?> employers)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                answers[i] = writer.Guarded(() => writer.Decide(transaction, employers, item));
            }
        }
    }

    private sealed class WorkJob<T>(DeclarationWriter writer, Func<IStoreTransaction, Outcome<T>> work) : Job<T>(1)
        where T : class
    {
        public override void Decide(IStoreTransaction transaction, Dictionary<EmployerId, Employer?> employers)
        {
            // The work may change employers: the next jobs look them up again.
            employers.Clear();
            answers[0] = writer.Guarded(() => work(transaction));
            if (answers[0].Failure is null)
            {
                writer.addedInCommit++;
            }
        }
    }
}
