using Dimona.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dimona.Console.Tests;

/// <summary>Declarations and employers the tests print.</summary>
internal static class Samples
{
    public static Declaration RefusedStg() => new()
    {
        DeclarationNumber = "658690837083",
        Status = DeclarationStatus.Refused,
        RequestId = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ReceiveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 1, 15, 9, 30, 12, TimeSpan.Zero)),
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        Worker = new Worker { Niss = "93051822361" },
        Reference = "stage-2027",
        Anomalies =
        {
            new Anomaly
            {
                Code = "00911-001",
                Severity = Severity.Blocking,
                Field = "dimona_in.end_date",
                Message = "The end date is required for worker type STG.",
            },
            new Anomaly
            {
                Code = "90373-460",
                Severity = Severity.Warning,
                Field = "dimona_in.start_date",
                Message = "Declared after the start date.",
            },
        },
        DimonaIn = new DimonaIn
        {
            StartDate = "2027-02-01",
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

    public static Employer Acme() => new()
    {
        Name = "ACME SA",
        EnterpriseNumber = "0403019261",
        OnssNumber = "175110801",
        RegistrationStatus = RegistrationStatus.Definitive,
        Active = true,
        Address = new Address
        {
            Street = "Rue de la Loi",
            HouseNumber = "16",
            Box = "2",
            PostCode = "1000",
            Municipality = "Bruxelles",
            Country = "BE",
        },
    };
}
