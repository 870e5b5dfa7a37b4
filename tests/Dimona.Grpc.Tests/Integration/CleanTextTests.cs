using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Control and bidirectional formatting characters are refused in every text field, each named by its path.</summary>
public class CleanTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RefusedCharacters => ["\t", "\n", "\0", "\u0085", "\u2028", "\u202E"];

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public async Task Submit_RefusedCharacterInANameTheReferenceAndTheJointCommittee_FailsNamingEachAndStoresNothing(string c)
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker = new Worker { Identification = Requests.Identification() };
        request.Worker.Identification.FamilyName = $"Pee{c}ters";
        request.Reference = $"stage{c}2027";
        request.DimonaIn.JointCommittee = $"X{c}X";

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("INVALID_REQUEST", status.Reason());
        Assert.Equal(["dimona_in.joint_committee", "reference", "worker.identification.family_name"], status.BadFields().Order());
        await using var db = server.CreateDbContext();
        Assert.Equal(0, await db.Declarations.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(RefusedCharacters))]
    public async Task Batch_RefusedCharacterInAnItem_FailsThatItemNamingTheFieldWithinIt(string c)
    {
        await using var server = new DimonaServerFactory();
        using var batch = new BatchCalls(server.CreateDimonaClient());
        var bad = Workers.Stg(1);
        bad.Reference = $"w{c}1";

        var results = await batch.SendAsync(Workers.Stg(0), bad);

        Assert.Equal(DeclarationStatus.Accepted, results[0].Declaration.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, results[1].Error.Code);
        Assert.Equal(["reference"], results[1].Error.BadFields());
        await using var db = server.CreateDbContext();
        Assert.Equal(1, await db.Declarations.CountAsync(Ct));
    }

    [Fact]
    public async Task Submit_RefusedCharacterAndOtherBadFields_ListsThemAllOnceEach()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker.Niss = "9305182236\t";
        request.Reference = new string('r', 21);
        request.DimonaIn.StartDate = "2027-02-30";

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct).ResponseAsync);

        var violations = status.GetDetail<Google.Rpc.BadRequest>().FieldViolations;
        Assert.Equal(["dimona_in.start_date", "reference", "worker.niss"], violations.Select(v => v.Field).Order());
        Assert.Contains("U+0009", Assert.Single(violations, v => v.Field == "worker.niss").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AccentedNames_AreAccepted()
    {
        await using var server = new DimonaServerFactory();
        var request = Requests.Stg();
        request.Worker = new Worker { Identification = Requests.Identification() };
        request.Worker.Identification.FamilyName = "Müller-Lüdenscheidt";
        request.Worker.Identification.GivenName = "Ségolène";
        request.Worker.Identification.BirthPlace = "Liège";
        request.Reference = "Çà et là — ß";

        var declaration = (await server.CreateDimonaClient().SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

        Assert.Equal(DeclarationStatus.Pending, declaration.Status);
        Assert.Equal("Müller-Lüdenscheidt", declaration.Worker.Identification.FamilyName);
        Assert.Equal("Ségolène", declaration.Worker.Identification.GivenName);
    }

    [Fact]
    public async Task Identify_RefusedCharacterInTheNumber_FailsNamingIt()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => server.CreateDimonaClient().IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = "04030\u202E19261" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["employer.enterprise_number"], status.BadFields());
    }

    [Fact]
    public async Task ListDeclarations_RefusedCharacterInAFilterAndTheToken_FailsNamingEachOnce()
    {
        await using var server = new DimonaServerFactory();
        var request = new ListDeclarationsRequest
        {
            Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer },
            WorkerNiss = "\u206693051822361",
            PageToken = "abc\ndef",
        };

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => server.CreateDimonaClient().ListDeclarationsAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(["page_token", "worker_niss"], status.BadFields().Order());
        Assert.All(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => Assert.StartsWith("Control characters", v.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WalksNestedAndRepeatedFieldsByTheirProtoPaths()
    {
        var message = new SubmitDeclarationBatchRequest { Items = { Workers.Stg(0), Workers.Stg(1) } };
        message.Items[1].DimonaIn.UserCompany = new UserCompany { Name = "Bad\u007F", Address = new Address { Street = "Rue\u2066" } };
        message.Items[1].DimonaIn.SmallStatutes.ActivityWithRisk = "\u00854";
        var v = new Violations();

        CleanText.Check(message, v);

        Assert.Equal(
            ["items[1].dimona_in.small_statutes.activity_with_risk", "items[1].dimona_in.user_company.name", "items[1].dimona_in.user_company.address.street"],
            v.ToFailure()!.Fields.Select(f => f.Field));
    }
}
