using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Tests.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>The writer's SQLite store on a real file, its rows read back through EF Core as the read side reads them.</summary>
public class SqliteDeclarationStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly EmployerId Employer = new EmployerId.Enterprise(InChecks.DefinitiveEmployer.EnterpriseNumber!);

    [Fact]
    public async Task TryAdd_NumberAlreadyTaken_ReturnsFalseAndAddsNothing()
    {
        await using var server = await MigratedAsync();
        using var store = new SqliteDeclarationStore(server.DatabasePath);
        var number = DeclarationNumber.FromBase(1234567890);
        using (var transaction = store.Begin())
        {
            var employer = transaction.FindEmployer(Employer)!;
            Assert.True(transaction.TryAdd(Accepted(number, employer.Id, InChecks.Intern)));
            Assert.False(transaction.TryAdd(Accepted(number, employer.Id, InChecks.Intern with { StartDate = InChecks.Date("2027-06-01") })));
            transaction.Commit();
        }

        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
        var period = await db.Periods.SingleAsync(Ct);
        Assert.Equal((number.Value, InChecks.Intern.StartDate), (period.PeriodId, period.StartDate));
    }

    [Fact]
    public async Task TryAdd_PeriodRowRefused_LeavesNeitherRowAndIsNotAnOutage()
    {
        await using var server = await MigratedAsync();
        using var store = new SqliteDeclarationStore(server.DatabasePath);
        var number = DeclarationNumber.FromBase(1234567890);
        await using (var db = server.CreateDbContext())
        {
            db.Periods.Add(new PeriodRow
            {
                PeriodId = number.Value, EmployerId = 1, WorkerNiss = Requests.Niss, JointCommittee = "XXX", WorkerType = "OTH", State = "Open",
                StartDate = InChecks.Date("2020-01-01"),
            });
            await db.SaveChangesAsync(Ct);
        }

        using (var transaction = store.Begin())
        {
            var employer = transaction.FindEmployer(Employer)!;
            var e = Assert.Throws<SqliteException>(() => transaction.TryAdd(Accepted(number, employer.Id, InChecks.Intern)));
            Assert.False(store.IsUnavailable(e));
            transaction.Commit();
        }

        await using var read = server.CreateDbContext();
        Assert.Equal(0, await read.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task PeriodsOf_PeriodWithHoursAddedInTheTransaction_ReadsBackAsDeclaredAndSoDoesEfCore()
    {
        await using var server = await MigratedAsync();
        using var store = new SqliteDeclarationStore(server.DatabasePath);
        var flexiDay = InChecks.Ordinary with
        {
            WorkerType = WorkerType.FLX, EndDate = InChecks.Ordinary.StartDate, StartHour = InChecks.Hour("18:30"), EndHour = InChecks.Hour("23:00"),
        };
        var number = DeclarationNumber.FromBase(1234567890);
        using (var transaction = store.Begin())
        {
            var employer = transaction.FindEmployer(Employer)!;
            transaction.TryAdd(Accepted(number, employer.Id, flexiDay));

            var period = Assert.Single(transaction.PeriodsOf(employer.Id, InChecks.IdentifiedWorker.Niss!));
            Assert.Equal((PeriodId.Of(number), employer.Id, PeriodState.Closed), (period.Id, period.EmployerId, period.State));
            Assert.Equal(PeriodShape.Of(flexiDay), PeriodShape.Of(period));
            transaction.Commit();
        }

        await using var db = server.CreateDbContext();
        var row = await db.Periods.SingleAsync(Ct);
        Assert.Equal((flexiDay.StartDate, flexiDay.EndDate, flexiDay.StartHour, flexiDay.EndHour), (row.StartDate, row.EndDate, row.StartHour, row.EndHour));
        var declaration = await db.Declarations.SingleAsync(Ct);
        Assert.Equal(DimonaServerFactory.Now, declaration.ReceiveTime);
    }

    /// <summary>A server started once, so that its database is created and seeded; the test then writes beside its idle writer.</summary>
    private static Task<DimonaServerFactory> MigratedAsync()
    {
        var server = new DimonaServerFactory();
        _ = server.Services;
        return Task.FromResult(server);
    }

    private static DecidedDeclaration Accepted(DeclarationNumber number, long employerId, DimonaIn @in)
    {
        var period = Period.Open(PeriodId.Of(number), employerId, InChecks.IdentifiedWorker.Niss!, @in);
        return new DecidedDeclaration(
            new Declaration(number, DeclarationStatus.Accepted, [], period.Id, DimonaServerFactory.Now, "{}"),
            employerId, Guid.NewGuid(), DeclarationKind.In, period.Worker, PeriodShape.Of(@in), period, CreatesPeriod: true);
    }
}
