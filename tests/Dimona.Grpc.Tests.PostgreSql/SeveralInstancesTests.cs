using Dimona.Grpc.Tests.Integration;
using Dimona.Grpc.Tests.Process;
using Dimona.V1;
using Grpc.Core;
using Npgsql;

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

        private string ConnectionString => SharedCluster.Instance.ConnectionString(database);

        public async ValueTask InitializeAsync()
        {
            SharedCluster.Instance.CreateDatabase(database);
            var environment = new Dictionary<string, string>
            {
                ["Dimona__Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
                ["Dimona__Database__ConnectionString"] = ConnectionString,
            };
            first = ServerProcess.Start(environment: environment);
            second = ServerProcess.Start(environment: environment);
            await Task.WhenAll(first.WaitReadyAsync(CancellationToken.None), second.WaitReadyAsync(CancellationToken.None));
            ClientA = CreateClient(first);
            ClientB = CreateClient(second);
        }

        /// <summary>The one place clients are made: a call needing more (a token) is added here.</summary>
        private static DimonaService.DimonaServiceClient CreateClient(ServerProcess server) => new(server.CreateChannel());

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
