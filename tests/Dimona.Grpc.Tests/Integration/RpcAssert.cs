using Google.Rpc;
using Grpc.Core;

namespace Dimona.Grpc.Tests.Integration;

internal static class RpcAssert
{
    /// <summary>Awaits a call that must fail with <paramref name="code"/> and returns its rich status.</summary>
    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        return e.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("The error carries no google.rpc.Status.");
    }

    public static IReadOnlyList<string> BadFields(this Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static string Reason(this Google.Rpc.Status status) => status.GetDetail<ErrorInfo>()?.Reason ?? "";
}
