using System.CommandLine;

namespace Dimona.Console.Commands;

/// <summary>--validate-only: the preview of a declaration, checked in full and stored nowhere.</summary>
internal static class ValidateOnlyOption
{
    public static Option<bool> Create() => new("--validate-only")
    {
        Description = "Preview: run every check and print the result the declaration would get, storing nothing and drawing no number",
    };
}
