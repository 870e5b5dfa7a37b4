using System.CommandLine;
using System.CommandLine.Invocation;
using Dimona.Client;
using Dimona.Console.Commands;
using Dimona.Console.Output;
using Dimona.V1;
using Spectre.Console;

namespace Dimona.Console;

/// <summary>
/// The <c>dimona</c> command line: parses, runs one command, and answers with an exit code.
/// Progress is drawn on <paramref name="progressConsole"/>, if any.
/// </summary>
internal sealed class DimonaCli(
    Func<DimonaClientOptions, DimonaService.DimonaServiceClient> connect,
    TextWriter output,
    TextWriter error,
    IAnsiConsole? progressConsole = null)
{
    public RootCommand Build()
    {
        var address = AddressOption.Create();
        var token = TokenOption.Create();
        var tls = new TlsOptions();
        var context = new CommandContext(address, token, tls, connect, output, error);
        var root = new RootCommand("Operators' console client of the Dimona service (Belgian immediate declaration of employment)");
        root.Options.Add(address);
        root.Options.Add(token);
        foreach (var option in tls.All)
        {
            root.Options.Add(option);
        }
        root.Subcommands.Add(IdentifyCommand.Create(context));
        root.Subcommands.Add(RegisterCommand.Create(context));
        root.Subcommands.Add(ConfirmCommand.Create(context));
        root.Subcommands.Add(SubmitCommand.Create(context));
        root.Subcommands.Add(OutCommand.Create(context));
        root.Subcommands.Add(UpdateCommand.Create(context));
        root.Subcommands.Add(CancelCommand.Create(context));
        root.Subcommands.Add(GetCommand.Create(context));
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(PeriodsCommand.Create(context));
        root.Subcommands.Add(PeriodCommand.Create(context));
        root.Subcommands.Add(PendingCommand.Create(context));
        root.Subcommands.Add(ResolveCommand.Create(context));
        root.Subcommands.Add(BatchCommand.Create(context, new BatchProgress(progressConsole)));
        return root;
    }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parseResult = Build().Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync($"Run 'dimona {CommandPath(parseResult)}--help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private static string CommandPath(ParseResult parseResult) =>
        parseResult.CommandResult.Command is RootCommand ? string.Empty : parseResult.CommandResult.Command.Name + " ";
}
