namespace Dimona.Console.Output;

/// <summary>
/// The end of a listed page: how many rows it showed and, when there is a next page, its token and the command that
/// asks for it (the same command line with <c>--page-token</c> set).
/// </summary>
internal static class PageFooter
{
    public const string PageTokenOption = "--page-token";

    /// <param name="shown">"2 declarations, newest first".</param>
    /// <param name="commandLine">The arguments of the command that listed this page, as typed after <c>dimona</c>.</param>
    public static void Print(string shown, string nextPageToken, IReadOnlyList<string> commandLine, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        if (nextPageToken.Length == 0)
        {
            fields.Field("Shown", $"{shown} (last page)");
            return;
        }

        fields.Field("Shown", shown);
        fields.Field("Next page token", nextPageToken);
        fields.Field("Next page", NextPageCommand(commandLine, nextPageToken));
    }

    /// <summary>"2 declarations" or "1 declaration".</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>The command line again, its page token (if any) replaced by the next one, quoted for a POSIX shell where needed.</summary>
    public static string NextPageCommand(IReadOnlyList<string> commandLine, string nextPageToken)
    {
        var arguments = new List<string>();
        for (var i = 0; i < commandLine.Count; i++)
        {
            if (commandLine[i] == PageTokenOption)
            {
                i++;
                continue;
            }

            if (!commandLine[i].StartsWith(PageTokenOption + "=", StringComparison.Ordinal))
            {
                arguments.Add(commandLine[i]);
            }
        }

        arguments.Add(PageTokenOption);
        arguments.Add(nextPageToken);
        return "dimona " + string.Join(' ', arguments.Select(ShellWord));
    }

    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@,%".Contains(c))
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
