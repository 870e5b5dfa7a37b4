using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Persistence;

/// <summary>Read side: employers and declarations by their numbers.</summary>
public sealed class DimonaStore(IDbContextFactory<DimonaDbContext> dbFactory)
{
    public async Task<Employer?> FindEmployerAsync(EmployerId id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await FindEmployerRowAsync(db, id, ct))?.ToDomain();
    }

    public async Task<Declaration?> FindDeclarationAsync(DeclarationNumber number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Declarations.AsNoTracking().SingleOrDefaultAsync(d => d.DeclarationNumber == number.Value, ct);
        return row?.ToDomain();
    }

    private static Task<EmployerRow?> FindEmployerRowAsync(DimonaDbContext db, EmployerId id, CancellationToken ct)
    {
        var employers = db.Employers.AsNoTracking();
        return id switch
        {
            EmployerId.Enterprise e => employers.SingleOrDefaultAsync(x => x.EnterpriseNumber == e.Number.Value, ct),
            EmployerId.Onss { Number.IsProvisional: true } p => employers.SingleOrDefaultAsync(x => x.ProvisionalOnssNumber == p.Number.Value, ct),
            EmployerId.Onss o => employers.SingleOrDefaultAsync(x => x.OnssNumber == o.Number.Value, ct),
            _ => throw new ArgumentException("An employer id names one number.", nameof(id)),
        };
    }
}
