using System.CommandLine;
using Dimona.Console.Connection;
using Dimona.Console.Output;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Commands;

/// <summary>What every command shares: the --address and --token options, the way to reach the service, and the output.</summary>
internal sealed class CommandContext(
    Option<string> address,
    Option<string?> token,
    Func<Uri, string?, DimonaService.DimonaServiceClient> connect,
    TextWriter output,
    TextWriter error)
{
    public TextWriter Output => output;

    /// <summary>Runs a command's call and turns its failures into a message on stderr and an exit code.</summary>
    public async Task<int> RunAsync(
        ParseResult parseResult,
        Func<DimonaService.DimonaServiceClient, Task> call)
    {
        Uri? serverAddress = null;
        try
        {
            serverAddress = ServerAddress.Parse(parseResult.GetValue(address));
            var bearer = parseResult.GetValue(token);
            await call(connect(serverAddress, string.IsNullOrWhiteSpace(bearer) ? null : bearer.Trim()));
            return ExitCodes.Success;
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.UsageError;
        }
        catch (RpcException exception)
        {
            RpcErrorPrinter.Print(exception, error, serverAddress);
            return ExitCodes.RpcError;
        }
    }
}
