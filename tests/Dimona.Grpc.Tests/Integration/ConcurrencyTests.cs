using Dimona.V1;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Identical INs racing each other: whatever path they take, exactly one creates the period.</summary>
public class ConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unary_ConcurrentIdenticalIns_ExactlyOneIsAcceptedTheOthersRefused90373_333()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var copies = BatchCalls.Copies(Requests.Stg(), 40);

        var replies = await Task.WhenAll(copies.Select(r => client.SubmitDeclarationAsync(r, cancellationToken: Ct).ResponseAsync));

        AssertOneAccepted(replies.Select(r => r.Declaration));
    }

    [Fact]
    public async Task Mixed_TwoBatchStreamsAndUnaryCallsAtOnce_ExactlyOneIsAcceptedTheOthersRefused90373_333()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var copies = BatchCalls.Copies(Requests.Stg(), 60);

        async Task<IEnumerable<Declaration>> StreamAsync(SubmitDeclarationRequest[] items)
        {
            using var batch = new BatchCalls(client);
            var declarations = new List<Declaration>();
            foreach (var chunk in items.Chunk(5))
            {
                declarations.AddRange((await batch.SendAsync(chunk)).Select(r => r.Declaration));
            }
            await batch.CompleteAsync();
            return declarations;
        }

        var streams = new[] { StreamAsync(copies[..20]), StreamAsync(copies[20..40]) };
        var unary = copies[40..].Select(async r => (IEnumerable<Declaration>)[(await client.SubmitDeclarationAsync(r, cancellationToken: Ct)).Declaration]);
        var declarations = (await Task.WhenAll(streams.Concat(unary))).SelectMany(d => d).ToList();

        Assert.Equal(60, declarations.Count);
        AssertOneAccepted(declarations);
    }

    private static void AssertOneAccepted(IEnumerable<Declaration> declarations)
    {
        var byStatus = declarations.ToLookup(d => d.Status);
        Assert.Single(byStatus[DeclarationStatus.Accepted]);
        Assert.All(byStatus[DeclarationStatus.Refused], d => Assert.Equal(["90373-333"], d.Anomalies.Select(a => a.Code)));
        Assert.Equal(declarations.Count() - 1, byStatus[DeclarationStatus.Refused].Count());
    }
}
