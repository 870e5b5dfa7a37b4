using System.Security.Authentication;
using Dimona.Client;
using Grpc.Core;

namespace Dimona.Console.Output;

/// <summary>Prints a failed call: its status, then the reason and bad fields the service attached.</summary>
internal static class RpcErrorPrinter
{
    public static void Print(RpcException exception, TextWriter writer, Uri? address = null)
    {
        var status = exception.GetRpcStatus();
        if (status is null && exception.StatusCode == StatusCode.Unavailable && address is not null)
        {
            // The client's own "Error connecting to subchannel." does not say where, nor why.
            writer.WriteLine($"error: {exception.StatusCode}: cannot reach the Dimona service at {address} ({Cause(exception)})");
            PrintTlsHint(exception, writer);
            return;
        }

        if (status is null && exception.StatusCode == StatusCode.Unimplemented && exception.Status.Detail.Length == 0)
        {
            // gRPC's own answer for a method the server does not have carries no message at all.
            var where = address is null ? "the Dimona service" : $"the Dimona service at {address}";
            writer.WriteLine($"error: {exception.StatusCode}: {where} does not offer this call (an older version of the service?)");
            return;
        }

        // The status, then the reason and each bad field the service attached, as the client library reads them.
        foreach (var line in DimonaError.From(exception).Lines().Select((line, i) => i == 0 ? $"error: {line}" : line))
        {
            writer.WriteLine(line);
        }
        if (exception.StatusCode == StatusCode.Unauthenticated)
        {
            writer.WriteLine("  give a token with --token or DIMONA_TOKEN");
        }
        PrintTlsHint(exception, writer);
    }

    /// <summary>After a failed TLS handshake (the client refusing the service's certificate), the options that set TLS up.</summary>
    private static void PrintTlsHint(RpcException exception, TextWriter writer)
    {
        for (var cause = exception.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is AuthenticationException)
            {
                writer.WriteLine("  a service whose certificate a private authority issued: give that authority with --ca-file or DIMONA_CA_FILE");
                writer.WriteLine("  a service asking for a client certificate: give yours with --client-cert or DIMONA_CLIENT_CERT");
                return;
            }
        }
    }

    private static string Cause(RpcException exception)
    {
        var cause = exception.Status.DebugException;
        while (cause?.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return OneLine(cause?.Message ?? exception.Status.Detail);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
