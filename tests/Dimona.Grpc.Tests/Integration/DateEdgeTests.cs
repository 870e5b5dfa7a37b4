using Dimona.V1;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Dates at the end of the calendar are well-formed: the rules refuse them, nothing fails on them.</summary>
public class DateEdgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Declaration> SubmitAsync(DimonaServerFactory server, SubmitDeclarationRequest request) =>
        (await server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    private static SubmitDeclarationRequest In(DimonaIn content) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
        Worker = new Worker { Niss = Requests.Niss },
        DimonaIn = content,
    };

    private static DimonaIn ExtraOnTheLastDay() => new()
    {
        StartDate = "9999-12-31", EndDate = "9999-12-31", StartHour = "0800", EndHour = "1200", JointCommittee = "302", WorkerType = WorkerType.Ext,
    };

    [Fact]
    public async Task Extra_OnTheLastDayOfTheCalendar_IsRefused00910_008()
    {
        await using var server = new DimonaServerFactory();

        var refused = await SubmitAsync(server, In(ExtraOnTheLastDay()));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "00910-008");
    }

    [Fact]
    public async Task OpenToTheLastDay_ForAWorkerWithAnotherPeriod_IsRefused00911_008()
    {
        await using var server = new DimonaServerFactory();
        await SubmitAsync(server, In(new DimonaIn { StartDate = "2027-01-04", EndDate = "2027-01-29", JointCommittee = "XXX", WorkerType = WorkerType.Oth }));

        var refused = await SubmitAsync(server, In(new DimonaIn { StartDate = "2027-02-01", EndDate = "9999-12-31", JointCommittee = "XXX", WorkerType = WorkerType.Oth }));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "00911-008");
    }

    [Fact]
    public async Task Student_InTheLastYear_IsRefused00910_008()
    {
        await using var server = new DimonaServerFactory();

        var refused = await SubmitAsync(server, In(new DimonaIn
        {
            StartDate = "9999-01-04", EndDate = "9999-01-08", JointCommittee = "XXX", WorkerType = WorkerType.Stu, PlannedHours = 10,
        }));

        Assert.Equal(DeclarationStatus.Refused, refused.Status);
        Assert.Contains(refused.Anomalies, a => a.Code == "00910-008");
    }

    [Fact]
    public async Task Batch_WithAnItemOnTheLastDay_AnswersEveryItemAndGoesOn()
    {
        await using var server = new DimonaServerFactory();
        using var call = new BatchCalls(server.CreateDimonaClient());

        var results = await call.SendAsync(In(ExtraOnTheLastDay()), Workers.Stg(1));
        var next = await call.SendAsync(Workers.Stg(2));

        Assert.Equal(DeclarationStatus.Refused, results[0].Declaration.Status);
        Assert.Equal(DeclarationStatus.Accepted, results[1].Declaration.Status);
        Assert.Equal(DeclarationStatus.Accepted, next[0].Declaration.Status);
    }
}
