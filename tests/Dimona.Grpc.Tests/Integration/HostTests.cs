using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Dimona.Grpc.Tests.Integration;

public class HostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_Check_IsServing()
    {
        await using var server = new DimonaServerFactory();
        var reply = await new Health.HealthClient(server.CreateChannel()).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesDimonaService()
    {
        await using var server = new DimonaServerFactory();
        using var call = new ServerReflection.ServerReflectionClient(server.CreateChannel()).ServerReflectionInfo(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "dimona.v1.DimonaService");
    }
}
