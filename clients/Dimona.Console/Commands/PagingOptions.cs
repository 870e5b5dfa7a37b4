using System.CommandLine;

namespace Dimona.Console.Commands;

/// <summary>--page-size and --page-token of the commands that list a page at a time.</summary>
internal sealed class PagingOptions
{
    public const int MaxPageSize = 500;

    private readonly Option<int?> pageSize;

    private readonly Option<string> pageToken = TextOption.Create(
        "--page-token", "token", "Where to go on: the next page token printed under the previous page (same filters)");

    /// <param name="rows">What a page holds, plural: "declarations".</param>
    public PagingOptions(string rows)
    {
        pageSize = new Option<int?>("--page-size")
        {
            Description = $"At most this many {rows} per page, 1 to {MaxPageSize} (default: 50)",
            HelpName = "n",
        };
        pageSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > MaxPageSize)
            {
                result.AddError($"--page-size must be from 1 to {MaxPageSize}");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
    }

    public int? PageSize(ParseResult parseResult) => parseResult.GetValue(pageSize);

    public string? PageToken(ParseResult parseResult) => parseResult.GetValue(pageToken);

    /// <summary>The command line as typed after <c>dimona</c>, to print the command of the next page.</summary>
    public static IReadOnlyList<string> CommandLine(ParseResult parseResult) => [.. parseResult.Tokens.Select(token => token.Value)];
}
