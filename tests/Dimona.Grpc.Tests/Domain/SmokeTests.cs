using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

public class SmokeTests
{
    [Fact]
    public void Niss_WorkedExample_IsValid() => Assert.True(Niss.TryParse("93051822361", out _, out _));
}
