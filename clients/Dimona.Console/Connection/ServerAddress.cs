using Dimona.Client;

namespace Dimona.Console.Connection;

/// <summary>Where the Dimona service listens: --address, else DIMONA_ADDRESS, else the local default.</summary>
internal static class ServerAddress
{
    public static string FromEnvironment(Func<string, string?> getVariable)
    {
        var value = getVariable(DimonaAddress.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? DimonaAddress.Default : value;
    }

    /// <summary>An http:// (HTTP/2 without TLS) or https:// address, or a bare host:port taken as http://.</summary>
    public static Uri Parse(string? address) =>
        DimonaAddress.TryParse(address)
        ?? throw new UsageException($"--address: '{address}' is not an http:// or https:// address, for example {DimonaAddress.Default}");
}
