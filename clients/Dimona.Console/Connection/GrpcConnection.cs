using Dimona.V1;
using Grpc.Net.Client;

namespace Dimona.Console.Connection;

/// <summary>Opens a client on the real service.</summary>
internal static class GrpcConnection
{
    // The channel lives as long as the process, which makes one call and ends.
    public static DimonaService.DimonaServiceClient Connect(Uri address) =>
        new(GrpcChannel.ForAddress(address));
}
