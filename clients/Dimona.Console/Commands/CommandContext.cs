using System.CommandLine;
using Dimona.Client;
using Dimona.Console.Connection;
using Dimona.Console.Output;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Commands;

/// <summary>What every command shares: the --address, --token and TLS options, the way to reach the service, and the output.</summary>
internal sealed class CommandContext(
    Option<string> address,
    Option<string?> token,
    TlsOptions tls,
    Func<DimonaClientOptions, DimonaService.DimonaServiceClient> connect,
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
            var options = new DimonaClientOptions { Address = serverAddress, Token = string.IsNullOrWhiteSpace(bearer) ? null : bearer.Trim() };
            tls.Apply(parseResult, options);
            await call(connect(options));
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
