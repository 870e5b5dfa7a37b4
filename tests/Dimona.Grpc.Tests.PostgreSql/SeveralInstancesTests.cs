using Dimona.Grpc.Tests.Integration;
using Dimona.Grpc.Tests.Process;
using Dimona.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Npgsql;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Dimona.Grpc.Tests.PostgreSql;

/// <summary>
/// Two server processes on one PostgreSQL database, started at once on an empty one (so they migrate it together),
/// driven at the same time: the rules one SQLite writer keeps by being alone hold across them.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class SeveralInstancesTests(SeveralInstancesTests.TwoInstances instances) : IClassFixture<SeveralInstancesTests.TwoInstances>
{
    private const int Rounds = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DimonaService.DimonaServiceClient A => instances.ClientA;

    private DimonaService.DimonaServiceClient B => instances.ClientB;

    [Fact]
    public async Task SameRequestId_SentThroughBothAtOnce_YieldsOneDeclaration()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var request = Workers.Stg(1000 + i);

            var answers = await Task.WhenAll(SubmitAsync(A, request), SubmitAsync(B, request));

            Assert.Equal(answers[0].DeclarationNumber, answers[1].DeclarationNumber);
            Assert.Equal(1L, await instances.ScalarAsync("SELECT count(*) FROM \"Declarations\" WHERE \"RequestId\" = $1", request.RequestId));
            // The instance that lost decided again and answered a retry: one audit record.
            Assert.Equal(1L, await instances.ScalarAsync("SELECT count(*) FROM \"AuditRecords\" WHERE \"DeclarationNumber\" = $1", answers[0].DeclarationNumber));
        }
    }

    [Fact]
    public async Task OverlappingPeriods_SentThroughDifferentInstances_OneIsRefused()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var first = Workers.Stg(2000 + i);
            var overlapping = Workers.Stg(2000 + i);
            overlapping.DimonaIn.StartDate = "2030-03-01";
            overlapping.DimonaIn.EndDate = "2030-04-30";

            var answers = await Task.WhenAll(SubmitAsync(A, first), SubmitAsync(B, overlapping));

            Assert.Single(answers, d => d.Status == DeclarationStatus.Accepted);
            var refused = Assert.Single(answers, d => d.Status == DeclarationStatus.Refused);
            Assert.Contains(refused.Anomalies, a => a.Code == "90373-334");
        }
    }

    [Fact]
    public async Task StudentQuota_DeclaredThroughBoth_IsCountedOnce()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var niss = Workers.Niss(3000 + i);

            // 400 + 400 hours with two employers, over the students' 650: whichever comes second is warned.
            var answers = await Task.WhenAll(
                SubmitAsync(A, StudentHours(Requests.DefinitiveEmployer, niss, "2027-03-01", "2027-03-31")),
                SubmitAsync(B, StudentHours(Requests.ProvisionalEmployer, niss, "2027-04-01", "2027-04-30")));

            Assert.Single(answers, d => d.Status == DeclarationStatus.Accepted);
            var warned = Assert.Single(answers, d => d.Status == DeclarationStatus.AcceptedWithWarnings);
            Assert.Equal("90017-369", Assert.Single(warned.Anomalies).Code);
        }
    }

    [Fact]
    public async Task EitherInstance_ReadsWhatTheOtherWrote()
    {
        var throughA = await SubmitAsync(A, Workers.Stg(4000));
        var throughB = await SubmitAsync(B, Workers.Stg(4001));

        var readByB = (await B.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = throughA.DeclarationNumber }, cancellationToken: Ct)).Declaration;
        var readByA = (await A.GetDeclarationAsync(new GetDeclarationRequest { DeclarationNumber = throughB.DeclarationNumber }, cancellationToken: Ct)).Declaration;

        Assert.Equal(throughA, readByB);
        Assert.Equal(throughB, readByA);
    }

    [Fact]
    public async Task OnePendingDeclaration_ResolvedThroughBothAtOnce_IsResolvedOnce()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var withoutNiss = Workers.Stg(5000 + i);
            withoutNiss.Worker = new Worker { Identification = Requests.Identification() };
            var pending = await SubmitAsync(A, withoutNiss);
            Assert.Equal(DeclarationStatus.Pending, pending.Status);
            var resolve = new ResolvePendingDeclarationRequest { DeclarationNumber = pending.DeclarationNumber, Niss = Workers.Niss(5000 + i) };

            var outcomes = await Task.WhenAll(ResolveAsync(A, resolve), ResolveAsync(B, resolve));

            var resolved = Assert.Single(outcomes, o => o.Resolved is not null).Resolved!;
            Assert.Equal(DeclarationStatus.Accepted, resolved.Status);
            Assert.Single(outcomes, o => o.Reason == "DECLARATION_NOT_PENDING");
            Assert.Equal(1L, await instances.ScalarAsync("SELECT count(*) FROM \"Periods\" WHERE \"PeriodId\" = $1", pending.DeclarationNumber));
            Assert.Equal(1L, await instances.ScalarAsync(
                "SELECT count(*) FROM \"AuditRecords\" WHERE \"DeclarationNumber\" = $1 AND \"Action\" = 'Resolved'", pending.DeclarationNumber));
        }
    }

    [Fact]
    public async Task OneEmployer_RegisteredThenConfirmedThroughBothAtOnce_IsRegisteredAndConfirmedOnce()
    {
        for (var i = 0; i < Rounds; i++)
        {
            var registration = new RegisterEmployerRequest
            {
                Name = "Frituur De Hoek",
                EnterpriseNumber = EnterpriseNumber(i),
                Address = new Address { Street = "Markt", HouseNumber = "3", PostCode = "8000", Municipality = "Brugge", Country = "BE" },
                Channel = RegistrationChannel.Unsecured,
                EmployerCategory = "000",
                NaceCodes = { "56102" },
            };

            var registered = await Task.WhenAll(
                OutcomeAsync(() => A.RegisterEmployerAsync(registration, cancellationToken: Ct).ResponseAsync),
                OutcomeAsync(() => B.RegisterEmployerAsync(registration, cancellationToken: Ct).ResponseAsync));

            var employer = Assert.Single(registered, o => o.Answer is not null).Answer!.Employer;
            Assert.Single(registered, o => o.Reason == "EMPLOYER_ALREADY_REGISTERED");
            var confirm = new ConfirmEmployerRegistrationRequest { ProvisionalOnssNumber = employer.ProvisionalOnssNumber };

            var confirmed = await Task.WhenAll(
                OutcomeAsync(() => A.ConfirmEmployerRegistrationAsync(confirm, cancellationToken: Ct).ResponseAsync),
                OutcomeAsync(() => B.ConfirmEmployerRegistrationAsync(confirm, cancellationToken: Ct).ResponseAsync));

            var definitive = Assert.Single(confirmed, o => o.Answer is not null).Answer!.Employer.OnssNumber;
            Assert.Single(confirmed, o => o.Reason == "EMPLOYER_ALREADY_DEFINITIVE");
            var read = await B.IdentifyEmployerAsync(
                new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = registration.EnterpriseNumber } }, cancellationToken: Ct);
            Assert.Equal(definitive, read.Employer.OnssNumber);
            Assert.Equal(2L, await instances.ScalarAsync(
                "SELECT count(*) FROM \"AuditRecords\" a JOIN \"Employers\" e ON e.\"Id\" = a.\"EmployerId\" WHERE e.\"EnterpriseNumber\" = $1",
                registration.EnterpriseNumber));
        }
    }

    [Fact]
    public async Task SameWorkers_BatchesInOppositeOrdersAndUnaryCallsThroughBoth_EveryItemIsAnsweredAndHealthStaysServing()
    {
        // Ten batch messages of 60 items over the same 30 workers, streamed through each instance in opposite worker
        // orders, and 250 unary INs over them through both at once: each commit locks many workers that the other
        // instance's commits lock too, in another order. Per round, on the code that locked workers as declarations
        // came: hundreds of items UNAVAILABLE and health NOT_SERVING (with the fixture's 10 ms deadlock_timeout).
        const int WorkerCount = 30;
        const int BatchSize = 60;
        const int MessageCount = 10;
        const int UnaryCount = 250;
        const int ContendedRounds = 3;
        const int SlotsPerMessage = BatchSize / WorkerCount;
        var health = new[] { new Health.HealthClient(instances.ChannelA), new Health.HealthClient(instances.ChannelB) };
        var accepted = new List<string>();
        for (var round = 0; round < ContendedRounds; round++)
        {
            var forward = Enumerable.Range(0, MessageCount * BatchSize).Select(j => Contended(j % WorkerCount, round, j / WorkerCount));
            var backward = Enumerable.Range(0, MessageCount * BatchSize).Select(j => Contended(WorkerCount - 1 - (j % WorkerCount), round, j / WorkerCount));
            var unary = Enumerable.Range(0, UnaryCount).Select(k =>
                SubmitOutcomeAsync(k % 2 == 0 ? A : B, Contended(k % WorkerCount, round, (MessageCount * SlotsPerMessage) + (k / WorkerCount))));

            var batches = Task.WhenAll(BatchAsync(A, Workers.Messages(forward, BatchSize)), BatchAsync(B, Workers.Messages(backward, BatchSize)));
            var unaryAnswers = await Task.WhenAll(unary);
            var batchAnswers = await batches;

            AssertAnswered(batchAnswers, unaryAnswers);
            await AssertServingAsync();
            accepted.AddRange(batchAnswers.SelectMany(results => results).Where(r => r.Declaration?.Status == DeclarationStatus.Accepted).Select(r => r.Declaration.PeriodId));
        }

        // Of the two batches' same periods, whichever came second was refused: one period per week asked for, none overlapping another.
        Assert.Equal(ContendedRounds * MessageCount * BatchSize, accepted.Count);
        Assert.Equal((long)ContendedRounds * ((MessageCount * BatchSize) + UnaryCount), await instances.ScalarAsync(
            "SELECT count(*) FROM \"Periods\" WHERE \"State\" <> 'Cancelled' AND \"WorkerNiss\" = ANY(string_to_array($1, ','))", ContendedWorkers()));
        Assert.Equal(0L, await instances.ScalarAsync(
            "SELECT count(*) FROM \"Periods\" a JOIN \"Periods\" b ON b.\"WorkerNiss\" = a.\"WorkerNiss\" AND b.\"EmployerId\" = a.\"EmployerId\" " +
            "AND b.\"PeriodId\" > a.\"PeriodId\" AND b.\"StartDate\" <= a.\"EndDate\" AND a.\"StartDate\" <= b.\"EndDate\" " +
            "WHERE a.\"State\" <> 'Cancelled' AND b.\"State\" <> 'Cancelled' AND a.\"WorkerNiss\" = ANY(string_to_array($1, ','))", ContendedWorkers()));

        // The periods the batches created, cancelled through both instances at once in opposite orders: the named
        // periods' workers are locked too. Each is cancelled once; the other CANCEL of it is refused.
        var cancels = await Task.WhenAll(
            BatchAsync(A, Workers.Messages(accepted.Select(Cancel), BatchSize)),
            BatchAsync(B, Workers.Messages(Enumerable.Reverse(accepted).Select(Cancel), BatchSize)));
        AssertAnswered(cancels, []);
        await AssertServingAsync();
        Assert.Equal(accepted.Count, cancels.SelectMany(results => results).Count(r => r.Declaration.Status == DeclarationStatus.Accepted));

        async Task AssertServingAsync()
        {
            foreach (var client in health)
            {
                Assert.Equal(ServingStatus.Serving, (await client.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct)).Status);
            }
        }

        static void AssertAnswered(List<BatchItemResult>[] batchAnswers, string?[] unaryAnswers)
        {
            string?[] failures = [.. batchAnswers.SelectMany(results => results).Where(r => r.Error is not null).Select(r => r.Error.Message), .. unaryAnswers.Where(a => a is not null)];
            Assert.Empty(failures);
        }

        static SubmitDeclarationRequest Cancel(string periodId) => new()
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
            DimonaCancel = new DimonaCancel { PeriodId = periodId },
        };

        static string ContendedWorkers() => string.Join(',', Enumerable.Range(0, WorkerCount).Select(w => Workers.Niss(6000 + w)));
    }

    /// <summary>An STG IN of worker 6000 + <paramref name="worker"/> for six days of week <paramref name="slot"/> of <paramref name="round"/>.</summary>
    private static SubmitDeclarationRequest Contended(int worker, int round, int slot)
    {
        var start = new DateOnly(2032, 1, 5).AddDays(7 * ((round * 50) + slot));
        var request = Workers.Stg(6000 + worker);
        request.DimonaIn.StartDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        request.DimonaIn.EndDate = start.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return request;
    }

    /// <summary>The messages sent at once on one stream, and the results of all their items.</summary>
    private static async Task<List<BatchItemResult>> BatchAsync(DimonaService.DimonaServiceClient client, List<SubmitDeclarationBatchRequest> messages)
    {
        using var call = client.SubmitDeclarationBatch(cancellationToken: Ct);
        foreach (var message in messages)
        {
            await call.RequestStream.WriteAsync(message, Ct);
        }
        await call.RequestStream.CompleteAsync();
        var results = new List<BatchItemResult>();
        await foreach (var response in call.ResponseStream.ReadAllAsync(Ct))
        {
            results.AddRange(response.Results);
        }
        return results;
    }

    /// <summary>Null once the declaration is stored, or the status it failed with.</summary>
    private static async Task<string?> SubmitOutcomeAsync(DimonaService.DimonaServiceClient client, SubmitDeclarationRequest request)
    {
        try
        {
            await SubmitAsync(client, request);
            return null;
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode} {e.GetRpcStatus()?.Reason()}";
        }
    }

    /// <summary>A valid enterprise number of no demo employer for <paramref name="i"/>: 8 digits, then 97 − (them mod 97).</summary>
    private static string EnterpriseNumber(int i)
    {
        var body = 4_400_000 + i;
        return $"0{body:D7}{97 - (body % 97):D2}";
    }

    private static async Task<(T? Answer, string? Reason)> OutcomeAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (RpcException e)
        {
            return (null, e.GetRpcStatus()?.Reason());
        }
    }

    private static async Task<Declaration> SubmitAsync(DimonaService.DimonaServiceClient client, SubmitDeclarationRequest request) =>
        (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    private static async Task<(Declaration? Resolved, string? Reason)> ResolveAsync(DimonaService.DimonaServiceClient client, ResolvePendingDeclarationRequest request)
    {
        try
        {
            return ((await client.ResolvePendingDeclarationAsync(request, cancellationToken: Ct)).Declaration, null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            return (null, e.GetRpcStatus()?.Reason());
        }
    }

    private static SubmitDeclarationRequest StudentHours(string employer, string niss, string start, string end) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = employer },
        Worker = new Worker { Niss = niss },
        DimonaIn = new DimonaIn { StartDate = start, EndDate = end, JointCommittee = "XXX", WorkerType = WorkerType.Stu, PlannedHours = 400 },
    };

    /// <summary>A fresh database on the shared cluster and two server processes on it, started at the same time.</summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        private readonly string database = PostgresCluster.DatabaseNameFor(Guid.NewGuid().ToString());
        private ServerProcess? first;
        private ServerProcess? second;

        public DimonaService.DimonaServiceClient ClientA { get; private set; } = null!;

        public DimonaService.DimonaServiceClient ClientB { get; private set; } = null!;

        public GrpcChannel ChannelA { get; private set; } = null!;

        public GrpcChannel ChannelB { get; private set; } = null!;

        private string ConnectionString => SharedCluster.Instance.ConnectionString(database);

        public async ValueTask InitializeAsync()
        {
            SharedCluster.Instance.CreateDatabase(database);
            // A deadlock is found after 10 ms rather than 1 s: contention tests stay quick even when they meet one.
            await ExecuteAsync($"ALTER DATABASE \"{database}\" SET deadlock_timeout = '10ms'");
            var environment = new Dictionary<string, string>
            {
                ["Dimona__Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
                ["Dimona__Database__ConnectionString"] = ConnectionString,
            };
            first = ServerProcess.Start(environment: environment);
            second = ServerProcess.Start(environment: environment);
            await Task.WhenAll(first.WaitReadyAsync(CancellationToken.None), second.WaitReadyAsync(CancellationToken.None));
            // The one place channels are made: a call needing more is added here.
            ChannelA = first.CreateChannel();
            ChannelB = second.CreateChannel();
            ClientA = new DimonaService.DimonaServiceClient(ChannelA);
            ClientB = new DimonaService.DimonaServiceClient(ChannelB);
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public async Task<long> ScalarAsync(string sql, string value)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = value } } };
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var server in new[] { first, second })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }
            NpgsqlConnection.ClearAllPools();
            SharedCluster.Instance.DropDatabase(database);
        }
    }
}
