using System.CommandLine;
using Dimona.Client;
using Dimona.Console.Connection;

namespace Dimona.Console.Commands;

/// <summary>The global --address option.</summary>
internal static class AddressOption
{
    public static Option<string> Create() => new("--address")
    {
        Description = $"Address of the Dimona service; ${DimonaAddress.EnvironmentVariable} sets the default",
        HelpName = "url",
        Recursive = true,
        DefaultValueFactory = _ => ServerAddress.FromEnvironment(Environment.GetEnvironmentVariable),
    };
}
