using Dimona.V1;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Well-formed requests with the demo employers' numbers, to be varied per test.</summary>
public static class Requests
{
    public const string DefinitiveEmployer = "0403019261";
    public const string DefinitiveOnss = "175110801";
    public const string ProvisionalEmployer = "0765432146";
    public const string ProvisionalOnss = "5123456773";
    public const string InactiveEmployer = "0812345603";
    public const string Niss = "93051822361";

    /// <summary>An enterprise number no demo employer has (check digits valid).</summary>
    public const string NewEnterprise = "0431150350";

    /// <summary>A new employer's registration through Wide: accepted as it is.</summary>
    public static RegisterEmployerRequest Registration(RegistrationChannel channel, string enterpriseNumber = NewEnterprise) => new()
    {
        Name = "Frituur De Hoek",
        EnterpriseNumber = enterpriseNumber,
        Address = new Address { Street = "Markt", HouseNumber = "3", PostCode = "8000", Municipality = "Brugge", Country = "BE" },
        Channel = channel,
        EmployerCategory = "000",
        NaceCodes = { "56102", "56301" },
    };

    /// <summary>A complete STG IN starting after the fixed clock: accepted as it is.</summary>
    public static SubmitDeclarationRequest Stg(string enterpriseNumber = DefinitiveEmployer) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = new EmployerId { EnterpriseNumber = enterpriseNumber },
        Worker = new Worker { Niss = Niss },
        Reference = "stage-2027",
        DimonaIn = new DimonaIn
        {
            StartDate = "2027-02-01",
            EndDate = "2027-03-31",
            JointCommittee = "XXX",
            WorkerType = WorkerType.Stg,
            SmallStatutes = new SmallStatutes
            {
                EmploymentNature = EmploymentNature.Employee,
                ActivityWithRisk = "401",
                InternType = InternType.F1,
            },
        },
    };

    public static WorkerIdentification Identification() => new()
    {
        FamilyName = "Peeters",
        GivenName = "An",
        BirthDate = "2004-05-17",
        BirthPlace = "Gent",
        BirthCountry = "BE",
        Sex = Sex.Female,
        Nationality = "BE",
        Address = new Address { Street = "Veldstraat", HouseNumber = "12", PostCode = "9000", Municipality = "Gent", Country = "BE" },
    };
}
