using System.CommandLine;

namespace Dimona.Console.Commands;

/// <summary>An option that takes one word of text, with the name its value goes by in the help.</summary>
internal static class TextOption
{
    public static Option<string> Create(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
    };
}
