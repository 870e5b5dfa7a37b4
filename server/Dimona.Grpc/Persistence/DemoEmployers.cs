using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Employers seeded on first start so that a newcomer can try every path: one definitive, one provisional-only,
/// one inactive. Their numbers are listed in the README.
/// </summary>
public static class DemoEmployers
{
    public static IReadOnlyList<EmployerRow> All =>
    [
        new()
        {
            Name = "Atelier Démo SA", EnterpriseNumber = "0403019261", OnssNumber = "175110801", Active = true,
            Street = "Rue de la Loi", HouseNumber = "16", PostCode = "1000", Municipality = "Bruxelles", Country = "BE",
            Category = "000", NaceCodes = "25620,33120",
        },
        new()
        {
            Name = "Nieuwe Zaak BV", EnterpriseNumber = "0765432146", ProvisionalOnssNumber = "5123456773", Active = true,
            Street = "Meir", HouseNumber = "50", Box = "3", PostCode = "2000", Municipality = "Antwerpen", Country = "BE",
            Category = "000", NaceCodes = "56101",
        },
        new()
        {
            Name = "Ancienne Brasserie SA", EnterpriseNumber = "0812345603", OnssNumber = "125482497", Active = false,
            Street = "Place du Marché", HouseNumber = "1", PostCode = "4000", Municipality = "Liège", Country = "BE",
            Category = "000", NaceCodes = "11050",
        },
    ];

    /// <summary>Adds the demo employers to an empty database; an EF seeding callback run by Migrate.</summary>
    public static async Task SeedAsync(DbContext db, CancellationToken ct)
    {
        var employers = db.Set<EmployerRow>();
        if (await employers.AnyAsync(ct))
        {
            return;
        }
        employers.AddRange(All);
        await db.SaveChangesAsync(ct);
    }
}
