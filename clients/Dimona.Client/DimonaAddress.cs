namespace Dimona.Client;

/// <summary>
/// The service's address as every Dimona client reads it (the .NET, TypeScript and Python samples and the console):
/// <c>http://host:port</c> (plain-text HTTP/2), <c>https://host:port</c> (TLS), or a bare <c>host:port</c>, taken as
/// <c>http://</c>; no path or query. Programs take it from <c>DIMONA_ADDRESS</c>, else <see cref="Default"/>.
/// </summary>
public static class DimonaAddress
{
    /// <summary>Where the service listens when started with its defaults.</summary>
    public const string Default = "http://localhost:5000";

    /// <summary>The environment variable that names the service's address.</summary>
    public const string EnvironmentVariable = "DIMONA_ADDRESS";

    /// <summary>The address <paramref name="text"/> names, or null when it is not one of the forms above.</summary>
    public static Uri? TryParse(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var absolute = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : $"http://{trimmed}";
        return Uri.TryCreate(absolute, UriKind.Absolute, out var address)
            && address.Scheme is "http" or "https"
            && address.AbsolutePath == "/"
            && address.Query.Length == 0
            && address.UserInfo.Length == 0
                ? address
                : null;
    }
}
