using System.CommandLine;

namespace Dimona.Console.Commands;

/// <summary>The global --token option: the bearer token sent with every call.</summary>
internal static class TokenOption
{
    public const string EnvironmentVariable = Dimona.Client.DimonaClientOptions.TokenEnvironmentVariable;

    public static Option<string?> Create() => new("--token")
    {
        Description = $"Bearer token (JWT) sent with every call; ${EnvironmentVariable} sets the default; none: the unsecured channel",
        HelpName = "jwt",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable),
    };
}
