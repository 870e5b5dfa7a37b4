using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Faults a user can run into, each answered with its documented status rather than UNKNOWN.</summary>
public class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_GarbageBytes_IsInvalidArgumentUnparsableRequest()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RawSubmitAsync(server, [0xFF, 0xFF, 0xFF, 0x01]));

        Assert.Equal("UNPARSABLE_REQUEST", status.Reason());
    }

    [Fact]
    public async Task Submit_StringFieldWithInvalidUtf8_IsInvalidArgumentUnparsableRequest()
    {
        await using var server = new DimonaServerFactory();
        byte[] requestIdWithBadUtf8 = [0x0A, 0x02, 0xC3, 0x28];

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RawSubmitAsync(server, requestIdWithBadUtf8));

        Assert.Equal("UNPARSABLE_REQUEST", status.Reason());
    }

    [Fact]
    public async Task Submit_StorageFailing_IsUnavailableAndHealthNotServingUntilAWriteSucceeds()
    {
        var store = new FailingStore();
        await using var server = new DimonaServerFactory();
        using var faulty = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var channel = Channel(faulty);
        var client = new DimonaService.DimonaServiceClient(channel);
        var health = new Health.HealthClient(channel);

        store.Failing = true;
        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, () => client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
        Assert.Equal("STORAGE_UNAVAILABLE", status.Reason());
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct)).Status);
        using (var batch = new BatchCalls(client))
        {
            var result = Assert.Single(await batch.SendAsync(Requests.Stg()));
            Assert.Equal((int)Google.Rpc.Code.Unavailable, result.Error.Code);
        }

        store.Failing = false;
        var declaration = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;
        Assert.Equal(DeclarationStatus.Accepted, declaration.Status);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct)).Status);
        await using var db = faulty.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>().CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_ConflictingWithAnotherInstanceAtEveryAttempt_IsUnavailableAndHealthStaysServing()
    {
        var store = new FailingStore { Conflicting = true };
        await using var server = new DimonaServerFactory();
        using var faulty = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var channel = Channel(faulty);
        var client = new DimonaService.DimonaServiceClient(channel);
        var health = new Health.HealthClient(channel);

        var status = await RpcAssert.FailsAsync(StatusCode.Unavailable, () => client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);

        // Decided again each time, then answered UNAVAILABLE for the caller to retry: contention, not a failing database.
        Assert.Equal("STORAGE_UNAVAILABLE", status.Reason());
        Assert.Equal(DeclarationWriter.MaxConflictAttempts, store.Conflicts);
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct)).Status);
        store.Conflicting = false;
        var declaration = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;
        Assert.Equal(DeclarationStatus.Accepted, declaration.Status);
    }

    [Fact]
    public async Task StorageFailingAtCommit_LeavesNeitherTheChangesNorTheirAuditRecords()
    {
        var store = new FailingStore();
        await using var server = new DimonaServerFactory();
        using var faulty = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var client = new DimonaService.DimonaServiceClient(Channel(faulty));
        await using var db = faulty.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>().CreateDbContext();
        var employers = await db.Employers.CountAsync(Ct);

        store.Failing = true;
        await RpcAssert.FailsAsync(StatusCode.Unavailable, () => client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unavailable, () => client.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Secured, "0123456749"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal((0, employers, 0), (await db.Declarations.CountAsync(Ct), await db.Employers.CountAsync(Ct), await db.AuditRecords.CountAsync(Ct)));
        store.Failing = false;
        var declared = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;
        Assert.Equal([declared.DeclarationNumber], await db.AuditRecords.Select(r => r.DeclarationNumber).ToListAsync(Ct));
    }

    [Fact(Timeout = 60_000)]
    public async Task Submit_WriterQueueFullPastTheWait_IsResourceExhaustedWriterBusy()
    {
        var store = new FailingStore();
        var clock = new FakeTimeProvider(DimonaServerFactory.Now);
        await using var server = new DimonaServerFactory();
        using var blocked = server.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var client = new DimonaService.DimonaServiceClient(Channel(blocked));
        store.Hold();
        Task<SubmitDeclarationResponse> Submit(int worker)
        {
            var r = Requests.Stg();
            r.Worker.Niss = Workers.Niss(worker);
            return client.SubmitDeclarationAsync(r, cancellationToken: Ct).ResponseAsync;
        }
        var first = Submit(0);
        await store.HeldAsync(); // the writer holds the first call's job, so the queue keeps all that follow
        var queued = Enumerable.Range(1, DeclarationWriter.QueueCapacity).Select(Submit).Append(first).ToList();
        var writer = blocked.Services.GetRequiredService<DeclarationWriter>();
        while (writer.Queued < DeclarationWriter.QueueCapacity)
        {
            await Task.Delay(10, Ct);
        }

        var waiting = Submit(DeclarationWriter.QueueCapacity + 1);
        while (!waiting.IsCompleted)
        {
            clock.Advance(Submissions.UnaryQueueWait); // the queue stays full: the wait runs out on the service's clock
            await Task.WhenAny(waiting, Task.Delay(10, Ct));
        }
        var status = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => waiting);

        Assert.Equal("WRITER_BUSY", status.Reason());
        store.Release();
        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(DeclarationStatus.Accepted, r.Declaration.Status));
    }

    [Fact(Timeout = 60_000)]
    public async Task Submit_CallerGivesUpWhileQueued_DeclarationIsStillStoredOnceAndTheOthersInItsCommit()
    {
        var store = new FailingStore();
        await using var server = new DimonaServerFactory();
        using var blocked = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var client = new DimonaService.DimonaServiceClient(Channel(blocked));
        var writer = blocked.Services.GetRequiredService<DeclarationWriter>();
        store.Hold();
        var holding = client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync;
        await store.HeldAsync();
        var impatient = Requests.Stg();
        impatient.Worker.Niss = Workers.Niss(1);
        var patient = Requests.Stg();
        patient.Worker.Niss = Workers.Niss(2);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelled = client.SubmitDeclarationAsync(impatient, cancellationToken: giveUp.Token).ResponseAsync;
        var other = client.SubmitDeclarationAsync(patient, cancellationToken: Ct).ResponseAsync;
        while (writer.Queued < 2)
        {
            Assert.False(cancelled.IsCompleted || other.IsCompleted, $"answered while the writer is held: {cancelled.Status} {other.Status}");
            await Task.Delay(10, Ct);
        }

        await giveUp.CancelAsync();
        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => cancelled)).StatusCode);
        store.Release();

        Assert.Equal(DeclarationStatus.Accepted, (await holding).Declaration.Status);
        Assert.Equal(DeclarationStatus.Accepted, (await other).Declaration.Status);
        await using var db = blocked.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>().CreateDbContext();
        var stored = await db.Declarations.SingleAsync(d => d.RequestId == impatient.RequestId, Ct); // committed with the other queued job
        var resent = (await client.SubmitDeclarationAsync(impatient, cancellationToken: Ct)).Declaration;
        Assert.Equal((DeclarationStatus.Accepted, stored.DeclarationNumber), (resent.Status, resent.DeclarationNumber));
        Assert.Equal(3, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_DrawnNumberAlreadyTaken_IsStoredUnderAnotherNumber()
    {
        var store = new FailingStore { NumberTakenOnce = true };
        await using var server = new DimonaServerFactory();
        using var faulty = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var client = new DimonaService.DimonaServiceClient(Channel(faulty));

        var declaration = (await client.SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Accepted, declaration.Status);
        Assert.NotNull(store.RefusedNumber);
        Assert.NotEqual(store.RefusedNumber, declaration.DeclarationNumber);
        Assert.Equal(declaration.DeclarationNumber, declaration.PeriodId);
        await using var db = faulty.Services.GetRequiredService<IDbContextFactory<DimonaDbContext>>().CreateDbContext();
        Assert.Equal([declaration.DeclarationNumber], await db.Declarations.Select(d => d.DeclarationNumber).ToListAsync(Ct));
    }

    /// <summary>
    /// An operator's or a registration's change queued among declarations commits in a transaction of its own: it
    /// locks the worker it needs as it goes, which after the declarations' workers locked up front could deadlock with
    /// another instance.
    /// </summary>
    [Fact]
    public async Task Registration_QueuedAmongDeclarations_CommitsInATransactionOfItsOwn()
    {
        var store = new FailingStore();
        await using var server = new DimonaServerFactory();
        using var blocked = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IDeclarationStore>(services => store.Over(server.CreateDeclarationStore(services)))));
        var client = new DimonaService.DimonaServiceClient(Channel(blocked));
        var writer = blocked.Services.GetRequiredService<DeclarationWriter>();
        Task<SubmitDeclarationResponse> Submit(int worker)
        {
            var r = Requests.Stg();
            r.Worker.Niss = Workers.Niss(worker);
            return client.SubmitDeclarationAsync(r, cancellationToken: Ct).ResponseAsync;
        }
        store.Hold();
        var first = Submit(0);
        await store.HeldAsync();

        var before = Submit(1);
        while (writer.Queued < 1)
        {
            await Task.Delay(10, Ct);
        }
        var registered = client.RegisterEmployerAsync(Requests.Registration(RegistrationChannel.Unsecured), cancellationToken: Ct).ResponseAsync;
        while (writer.Queued < 2)
        {
            await Task.Delay(10, Ct);
        }
        var after = Submit(2);
        while (writer.Queued < 3)
        {
            await Task.Delay(10, Ct);
        }
        store.Release();
        await Task.WhenAll(first, before, registered, after);

        Assert.Equal([(1, 0), (1, 0), (0, 1), (1, 0)], store.Commits.ToArray());
    }

    private static GrpcChannel Channel(WebApplicationFactory<Services.DimonaGrpcService> factory) =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerHandler(TestTokens.Default, factory.Server.CreateHandler()) });

    private static Task<byte[]> RawSubmitAsync(DimonaServerFactory server, byte[] body)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, "dimona.v1.DimonaService", "SubmitDeclaration",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        return server.CreateChannel().CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(cancellationToken: Ct), body).ResponseAsync;
    }

    /// <summary>
    /// A store that fails every commit with SQLite's "disk full" while <see cref="Failing"/>, or as if another instance
    /// got there first while <see cref="Conflicting"/>, or holds the writer.
    /// </summary>
    private sealed class FailingStore
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Failing;

        public volatile bool Conflicting;

        private int conflicts;

        /// <summary>How many commits failed as conflicts.</summary>
        public int Conflicts => Volatile.Read(ref conflicts);

        /// <summary>The next declaration number drawn is reported as taken, as if another declaration had it.</summary>
        public volatile bool NumberTakenOnce;

        public string? RefusedNumber { get; set; }

        /// <summary>Each committed transaction: how many declarations it added and how many other changes it made.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<(int Declarations, int Other)> Commits { get; } = new();

        public IDeclarationStore Over(IDeclarationStore inner) => new Store(this, inner);

        /// <summary>The next transaction waits until <see cref="Release"/>.</summary>
        public void Hold() => gate.Wait();

        public Task HeldAsync() => held.Task;

        public void Release() => gate.Release();

        private sealed class Store(FailingStore fault, IDeclarationStore inner) : IDeclarationStore
        {
            public IStoreTransaction Begin()
            {
                if (fault.gate.CurrentCount == 0)
                {
                    fault.held.TrySetResult();
                }
                fault.gate.Wait();
                fault.gate.Release();
                return new Transaction(fault, inner.Begin());
            }

            public bool IsUnavailable(Exception e) => inner.IsUnavailable(e);

            public bool IsConflict(Exception e) => e is StoreConflictException || inner.IsConflict(e);

            public int MaxDeclarationsPerCommit => inner.MaxDeclarationsPerCommit;
        }

        private sealed class Transaction(FailingStore fault, IStoreTransaction inner) : IStoreTransaction
        {
            private int declarations;
            private int other;

            public void LockWorkers(IReadOnlyCollection<Niss> workers, IReadOnlyCollection<PeriodId> periods) => inner.LockWorkers(workers, periods);

            public Grpc.Domain.Employer? FindEmployer(Grpc.Domain.EmployerId id) => inner.FindEmployer(id);

            public Grpc.Domain.Declaration? FindByRequestId(long employerId, Guid requestId) => inner.FindByRequestId(employerId, requestId);

            public Grpc.Domain.Employer? FindEmployer(long id) => inner.FindEmployer(id);

            public StoredDeclaration? FindDeclaration(DeclarationNumber number) => inner.FindDeclaration(number);

            public IReadOnlyList<Grpc.Domain.Period> PeriodsOf(long employerId, Niss worker) => inner.PeriodsOf(employerId, worker);

            public Grpc.Domain.Period? FindPeriod(PeriodId id) => inner.FindPeriod(id);

            public int PlannedHoursOf(Niss worker, int year, IReadOnlySet<Grpc.Domain.WorkerType> types, PeriodId? except) =>
                inner.PlannedHoursOf(worker, year, types, except);

            public bool TryAdd(DecidedDeclaration decided)
            {
                if (fault.NumberTakenOnce)
                {
                    fault.NumberTakenOnce = false;
                    fault.RefusedNumber = decided.Declaration.DeclarationNumber!.Value;
                    return false;
                }
                var added = inner.TryAdd(decided);
                declarations += added ? 1 : 0;
                return added;
            }

            public void Resolve(DeclarationNumber number, Grpc.Domain.DeclarationStatus status, IReadOnlyList<Grpc.Domain.Anomaly> anomalies, Niss worker, Grpc.Domain.Period? created) =>
                inner.Resolve(number, status, anomalies, worker, created);

            public bool EnterpriseNumberTaken(EnterpriseNumber number) => inner.EnterpriseNumberTaken(number);

            public bool OnssNumberTaken(OnssNumber number) => inner.OnssNumberTaken(number);

            public Grpc.Domain.Employer AddEmployer(Grpc.Domain.Employer employer)
            {
                other++;
                return inner.AddEmployer(employer);
            }

            public void SetDefinitiveOnssNumber(long employerId, OnssNumber number) => inner.SetDefinitiveOnssNumber(employerId, number);

            public void Audit(AuditRecord record) => inner.Audit(record);

            public void Commit()
            {
                if (fault.Failing)
                {
                    throw new IOException("No space left on device.");
                }
                if (fault.Conflicting)
                {
                    Interlocked.Increment(ref fault.conflicts);
                    throw new StoreConflictException("Another instance got there first.");
                }
                inner.Commit();
                fault.Commits.Enqueue((declarations, other));
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
