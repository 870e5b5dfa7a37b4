using Dimona.Grpc.Persistence;
using Dimona.V1;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>A database written before the period lifecycle, opened by this server.</summary>
public class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PendingDeclarationStoredBeforeTheLifecycle_IsListedAndResolvedAfterIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dimona-migration-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<DimonaDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        var pending = Requests.Stg();
        pending.Worker = new Worker { Identification = Requests.Identification() };
        pending.DimonaIn.StartHour = "0830";
        const string Number = "100000000034";
        try
        {
            await using (var db = new DimonaDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261127101012_Initial", cancellationToken: Ct);
                // The schema of then: the employer's columns as they were.
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Employers (Id, Name, EnterpriseNumber, OnssNumber, ProvisionalOnssNumber, Active, Street, HouseNumber, Box, PostCode, Municipality, Country) " +
                    "VALUES (1, 'Atelier Démo SA', '0403019261', '175110801', NULL, 1, 'Rue de la Loi', '16', '', '1000', 'Bruxelles', 'BE')", Ct);
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Declarations (DeclarationNumber, RequestId, EmployerId, Kind, Status, ReceiveTime, WorkerNiss, PeriodId, ReceivedJson, AnomaliesJson) " +
                    "VALUES ({0}, {1}, 1, 'IN', 'Pending', '2026-11-20 09:00:00+00:00', NULL, NULL, {2}, '[]')",
                    [Number, pending.RequestId, JsonFormatter.Default.Format(pending)], Ct);
            }

            await using var server = new DimonaServerFactory(path);
            var client = server.CreateDimonaClient();
            var listed = await client.ListPendingDeclarationsAsync(new ListPendingDeclarationsRequest(), cancellationToken: Ct);
            var resolved = (await client.ResolvePendingDeclarationAsync(
                new ResolvePendingDeclarationRequest { DeclarationNumber = Number, Niss = Requests.Niss }, cancellationToken: Ct)).Declaration;
            var period = (await client.GetPeriodAsync(new GetPeriodRequest { PeriodId = Number }, cancellationToken: Ct)).Period;

            Assert.Equal([Number], listed.Declarations.Select(d => d.DeclarationNumber));
            Assert.Equal((DeclarationStatus.Accepted, Number), (resolved.Status, resolved.PeriodId));
            Assert.Equal((WorkerType.Stg, "2027-02-01", "2027-03-31", "0830"), (period.WorkerType, period.StartDate, period.EndDate, period.StartHour));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
