using Dimona.Console.Batch;

namespace Dimona.Console.Tests;

public class BatchRequestIdTests
{
    private const string Line = "0403019261,93051822361,STG,2030-02-01,2030-03-31";

    [Fact]
    public void Version5_RfcExample_GivesThePublishedUuid()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedUuid.Version5(dns, "www.example.com"));
    }

    [Fact]
    public void For_SameLineAndNumber_GivesTheSameIdAsEveryEarlierRun()
    {
        Assert.Equal("4fd5b31a-a6d9-5363-9d61-7f03054bb8fc", BatchRequestId.For(2, Line));
    }

    [Fact]
    public void For_SameTextOnAnotherLine_GivesAnotherId()
    {
        Assert.NotEqual(BatchRequestId.For(2, Line), BatchRequestId.For(3, Line));
    }

    [Fact]
    public void For_EditedLine_GivesAnotherId()
    {
        Assert.NotEqual(BatchRequestId.For(2, Line), BatchRequestId.For(2, Line.Replace("2030-03-31", "2030-04-30", StringComparison.Ordinal)));
    }

    [Fact]
    public void For_LineBreaksInsideTheLine_DoNotDependOnTheirStyle()
    {
        Assert.Equal(BatchRequestId.For(2, "\"a\nb\""), BatchRequestId.For(2, "\"a\r\nb\""));
    }

    [Fact]
    public void For_AnyLine_IsAVersion5UuidAsTheServiceWantsIt()
    {
        var id = BatchRequestId.For(7, Line);

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }
}
