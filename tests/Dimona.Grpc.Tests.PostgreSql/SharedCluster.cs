using Dimona.Grpc.Tests.PostgreSql;
using Microsoft.AspNetCore.Hosting;

[assembly: AssemblyFixture(typeof(SharedCluster))]

namespace Dimona.Grpc.Tests.PostgreSql;

/// <summary>
/// The one throwaway cluster of this test assembly, started by the first test that needs it and stopped and deleted
/// when the assembly's tests are done; each in-memory server gets a database of its own on it.
/// </summary>
public sealed class SharedCluster : IAsyncDisposable
{
    private static readonly Lazy<PostgresCluster> Cluster = new(() => PostgresCluster.StartAsync(durable: false, CancellationToken.None).GetAwaiter().GetResult());

    public static PostgresCluster Instance => Cluster.Value;

    /// <summary>Points the server at the database for <paramref name="key"/> (a test's made-up SQLite path), created if new.</summary>
    public static void UseDatabase(IWebHostBuilder builder, string key)
    {
        var name = PostgresCluster.DatabaseNameFor(key);
        Instance.CreateDatabase(name);
        builder.UseSetting(DimonaStorage.ProviderKey, nameof(DatabaseProvider.PostgreSql));
        builder.UseSetting(DimonaStorage.ConnectionStringKey, Instance.ConnectionString(name));
    }

    /// <summary>Drops the database for <paramref name="key"/>.</summary>
    public static void DropDatabase(string key) => Instance.DropDatabase(PostgresCluster.DatabaseNameFor(key));

    public async ValueTask DisposeAsync()
    {
        if (Cluster.IsValueCreated)
        {
            await Cluster.Value.DisposeAsync();
        }
    }
}
