using Spectre.Console;

namespace Dimona.Console.Output;

/// <summary>Where progress is drawn: standard error, so that standard output keeps only results.</summary>
internal static class ProgressConsole
{
    /// <summary>A console on standard error, or null when standard error is not a terminal.</summary>
    public static IAnsiConsole? OnStandardError() => System.Console.IsErrorRedirected
        ? null
        : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
}
