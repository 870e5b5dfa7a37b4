using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class WorkerBuilderTests
{
    private static readonly WorkerInput Identified = new()
    {
        FamilyName = "Dupont",
        GivenName = "Marie",
        BirthDate = "1990-04-01",
        BirthPlace = "Liège",
        BirthCountry = "BE",
        Sex = "Female",
        Nationality = "BE",
        Address = new AddressInput
        {
            Street = "Rue Haute",
            HouseNumber = "12",
            Box = "3",
            PostCode = "1000",
            Municipality = "Bruxelles",
            Country = "BE",
        },
    };

    [Fact]
    public void Build_Niss_SetsNissOnly()
    {
        var worker = WorkerBuilder.Build(new WorkerInput { Niss = "93051822361" });

        Assert.Equal(Worker.IdentityOneofCase.Niss, worker.IdentityCase);
        Assert.Equal("93051822361", worker.Niss);
        Assert.Null(worker.Identification);
    }

    [Fact]
    public void Build_Identification_SetsEveryIdentificationField()
    {
        var worker = WorkerBuilder.Build(Identified);

        Assert.Equal(Worker.IdentityOneofCase.Identification, worker.IdentityCase);
        var identification = worker.Identification;
        Assert.Equal("Dupont", identification.FamilyName);
        Assert.Equal("Marie", identification.GivenName);
        Assert.Equal("1990-04-01", identification.BirthDate);
        Assert.Equal("Liège", identification.BirthPlace);
        Assert.Equal("BE", identification.BirthCountry);
        Assert.Equal(Sex.Female, identification.Sex);
        Assert.Equal("BE", identification.Nationality);
        Assert.Equal(
            new Address { Street = "Rue Haute", HouseNumber = "12", Box = "3", PostCode = "1000", Municipality = "Bruxelles", Country = "BE" },
            identification.Address);
    }

    [Fact]
    public void Build_IdentificationWithoutAddress_LeavesAddressAbsent()
    {
        var input = Identified with { Address = new AddressInput() };

        var worker = WorkerBuilder.Build(input);

        Assert.Null(worker.Identification.Address);
        Assert.Equal("Dupont", worker.Identification.FamilyName);
    }

    [Fact]
    public void Build_NissAndIdentification_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => WorkerBuilder.Build(Identified with { Niss = "93051822361" }));

        Assert.Contains("not both", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoWorker_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => WorkerBuilder.Build(new WorkerInput()));

        Assert.Contains("--niss", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownSex_ThrowsUsageListingValidCodes()
    {
        var exception = Assert.Throws<UsageException>(() => WorkerBuilder.Build(Identified with { Sex = "x" }));

        Assert.Equal("--sex: unknown code 'x'; valid codes: MALE, FEMALE", exception.Message);
    }
}
