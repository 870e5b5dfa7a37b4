using Dimona.Grpc.Domain;
using Dimona.Grpc.Security;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Benchmarks;

/// <summary>
/// The bearer token every benchmark call carries. A server the benchmark starts gets a fresh signing key of its own
/// (<see cref="ServerEnvironment"/>); with <c>--address</c>, the token comes from <c>DIMONA_TOKEN</c>.
/// </summary>
internal static class BenchmarkToken
{
    private const string Issuer = "dimona-benchmark";

    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>What a started server needs to accept <see cref="Minted"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ServerEnvironment =>
    [
        new("Dimona__Auth__SigningKeys__0", Convert.ToBase64String(Key)),
        new("Dimona__Auth__Issuer", Issuer),
    ];

    /// <summary>A token for the workload's employer, to declare and consult, valid a day.</summary>
    public static string Minted { get; } = TokenMint.Mint(new SymmetricSecurityKey(Key), Issuer, "dimona", "benchmark",
        [Workload.EnterpriseNumber], Scopes.Declare | Scopes.Consult, DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(1));

    /// <summary>The token the calls send, set once the server is known: see <see cref="Use"/>.</summary>
    public static string? Current { get; private set; }

    /// <summary>Sends the minted token to a server the benchmark started, DIMONA_TOKEN to another.</summary>
    public static string? Use(bool startedServer) =>
        Current = startedServer ? Minted : Environment.GetEnvironmentVariable("DIMONA_TOKEN");
}
