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
        EmployerCategory = "000",
        NaceCodes = { "25620", "33120" },
    };

    /// <summary>An accepted OUT that closed period 857416368505, the number of its IN, on 2030-06-30 at 17:00.</summary>
    public static Declaration AcceptedOut() => new()
    {
        DeclarationNumber = "125642118166",
        Status = DeclarationStatus.Accepted,
        PeriodId = "857416368505",
        RequestId = "305c78b3-f7ec-49e1-86ee-5379def6bd27",
        ReceiveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2030, 6, 28, 16, 5, 0, TimeSpan.Zero)),
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        DimonaOut = new DimonaOut { PeriodId = "857416368505", EndDate = "2030-06-30", EndHour = "1700" },
    };

    /// <summary>An accepted UPDATE that re-opened period 759375962669 and changed its start hour.</summary>
    public static Declaration ReOpeningUpdate() => new()
    {
        DeclarationNumber = "694242409642",
        Status = DeclarationStatus.Accepted,
        PeriodId = "759375962669",
        ReceiveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2030, 3, 1, 8, 0, 0, TimeSpan.Zero)),
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        Worker = new Worker { Niss = "85031214540" },
        DimonaUpdate = new DimonaUpdate { PeriodId = "759375962669", EndDate = "9999-12-31", StartHour = "0900" },
    };

    /// <summary>A CANCEL refused because its period was cancelled before.</summary>
    public static Declaration RefusedCancel() => new()
    {
        DeclarationNumber = "211224087613",
        Status = DeclarationStatus.Refused,
        PeriodId = "759375962669",
        ReceiveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2030, 3, 2, 8, 0, 0, TimeSpan.Zero)),
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        DimonaCancel = new DimonaCancel { PeriodId = "759375962669" },
        Anomalies =
        {
            new Anomaly
            {
                Code = "00913-355",
                Severity = Severity.Blocking,
                Field = "dimona_cancel.period_id",
                Message = "Period 759375962669 is cancelled: no declaration can change it any more.",
            },
        },
    };

    /// <summary>A flexi-job shift on one day, the IN that created period 651770215570.</summary>
    public static Declaration FlexiShift() => new()
    {
        DeclarationNumber = "651770215570",
        Status = DeclarationStatus.Accepted,
        PeriodId = "651770215570",
        ReceiveTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2030, 5, 1, 7, 30, 0, TimeSpan.Zero)),
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        Worker = new Worker { Niss = "99070723138" },
        DimonaIn = new DimonaIn
        {
            StartDate = "2030-05-02",
            EndDate = "2030-05-02",
            StartHour = "0800",
            EndHour = "1200",
            JointCommittee = "XXX",
            WorkerType = WorkerType.Flx,
        },
    };

    /// <summary>A period closed by an OUT, of a student with planned hours.</summary>
    public static Period ClosedStudentPeriod() => new()
    {
        PeriodId = "857416368505",
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        WorkerNiss = "93051822361",
        JointCommittee = "XXX",
        WorkerType = WorkerType.Stu,
        State = PeriodState.Closed,
        StartDate = "2030-02-01",
        EndDate = "2030-06-30",
        EndHour = "1700",
        PlannedHours = 120,
    };

    /// <summary>An open period of an ordinary worker, declared without worker type.</summary>
    public static Period OpenPeriod() => new()
    {
        PeriodId = "219547190494",
        Employer = new EmployerId { EnterpriseNumber = "0403019261" },
        WorkerNiss = "85031214540",
        JointCommittee = "XXX",
        State = PeriodState.Open,
        StartDate = "2030-02-01",
    };
}
