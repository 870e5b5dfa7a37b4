namespace Dimona.Console.Connection;

/// <summary>Where the Dimona service listens: --address, else DIMONA_ADDRESS, else the local default.</summary>
internal static class ServerAddress
{
    public const string Default = "http://localhost:5000";
    public const string EnvironmentVariable = "DIMONA_ADDRESS";

    public static string FromEnvironment(Func<string, string?> getVariable)
    {
        var value = getVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? Default : value;
    }

    /// <summary>An absolute http:// (HTTP/2 without TLS) or https:// address.</summary>
    public static Uri Parse(string? address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new UsageException($"--address: '{address}' is not an http:// or https:// address, for example {Default}");
    }
}
