using Dimona.Client;
using Dimona.V1;

namespace Dimona.Console.Connection;

/// <summary>Opens a client on the real service, with the client library's deadline and retries.</summary>
internal static class GrpcConnection
{
    // The channel lives as long as the process, which makes one call and ends.
    public static DimonaService.DimonaServiceClient Connect(DimonaClientOptions options) => DimonaClient.Create(options);
}
