using System.Security.Cryptography;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The one writer. Declarations are checked and stored one at a time, so the stateful checks (existing periods,
/// request ids, numbers already taken) see every earlier commit; a caller is answered only after its commit.
/// </summary>
public sealed class DeclarationWriter(IDbContextFactory<DimonaDbContext> dbFactory, TimeProvider time, ILogger<DeclarationWriter> logger)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>
    /// Stores a declaration and returns it with its result. A request id the employer already used returns the
    /// first declaration when the content is the same, and throws <see cref="RequestIdReusedException"/> otherwise.
    /// </summary>
    public async Task<Declaration> SubmitAsync(DeclarationRequest request, string receivedJson, CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // BEGIN IMMEDIATE on SQLite: what is read below cannot change before the commit, even from another process.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var employer = await DimonaStore.FindEmployerRowAsync(db, request.Employer, ct)
                ?? throw NotFoundException.Employer(request.Employer);

            var requestId = request.RequestId.ToString();
            var earlier = await db.Declarations.AsNoTracking()
                .SingleOrDefaultAsync(d => d.EmployerId == employer.Id && d.RequestId == requestId, ct);
            if (earlier is not null)
            {
                return earlier.ReceivedJson == receivedJson
                    ? earlier.ToDomain()
                    : throw new RequestIdReusedException("This request_id was already used by this employer for a different declaration.");
            }

            var niss = request.Worker.Niss?.Value;
            var periods = niss is null
                ? []
                : await db.Periods.AsNoTracking().Where(p => p.EmployerId == employer.Id && p.WorkerNiss == niss).ToListAsync(ct);

            var receiveTime = time.GetUtcNow();
            var check = new InCheck(request.In, request.Worker, employer.ToDomain(), [.. periods.Select(p => p.ToDomain())], BelgianTime.ToBrussels(receiveTime));
            var anomalies = DimonaInRules.Check(check);
            var status = DeclarationResult.StatusOf(anomalies, workerIdentified: niss is not null);

            var number = await UnusedNumberAsync(db, ct);
            var createsPeriod = DeclarationResult.AppliesChange(status);
            db.Declarations.Add(new DeclarationRow
            {
                DeclarationNumber = number.Value,
                RequestId = requestId,
                EmployerId = employer.Id,
                Kind = "IN",
                Status = status.ToString(),
                ReceiveTime = receiveTime,
                WorkerNiss = niss,
                PeriodId = createsPeriod ? number.Value : null,
                ReceivedJson = receivedJson,
                AnomaliesJson = RowMapping.AnomaliesToJson(anomalies),
            });
            if (createsPeriod)
            {
                db.Periods.Add(new PeriodRow
                {
                    PeriodId = number.Value,
                    EmployerId = employer.Id,
                    WorkerNiss = niss!,
                    JointCommittee = request.In.JointCommittee,
                    WorkerType = request.In.WorkerType.ToString(),
                    StartDate = request.In.StartDate,
                    EndDate = request.In.EndDate,
                    StartHour = request.In.StartHour,
                    EndHour = request.In.EndHour,
                    PlannedHours = request.In.PlannedHours,
                });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            // Numbers, status and codes only: never the worker's NISS or name.
            logger.LogInformation("Declaration {DeclarationNumber} stored for employer {EmployerId}: {Status} {AnomalyCodes}",
                number.Value, employer.Id, status, string.Join(',', anomalies.Select(a => a.Code)));
            return new Declaration(number, status, anomalies, createsPeriod ? number : null, receiveTime, receivedJson);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// A random declaration number not yet taken: numbers reveal nothing of how many declarations exist and cannot
    /// be enumerated to reach other employers' declarations.
    /// </summary>
    private static async Task<DimonaNumber> UnusedNumberAsync(DimonaDbContext db, CancellationToken ct)
    {
        while (true)
        {
            const ulong span = DimonaNumber.LastBase - DimonaNumber.FirstBase + 1;
            var number = DimonaNumber.FromBase(DimonaNumber.FirstBase + (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) % span));
            if (!await db.Declarations.AnyAsync(d => d.DeclarationNumber == number.Value, ct))
            {
                return number;
            }
        }
    }
}
