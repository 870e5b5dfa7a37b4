using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dimona.Grpc.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DimonaDbContext>
{
    public DimonaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DimonaDbContext>();
        options.UseDimonaSqlite(Path.Combine(Path.GetTempPath(), "dimona-design.db"));
        return new DimonaDbContext(options.Options);
    }
}
