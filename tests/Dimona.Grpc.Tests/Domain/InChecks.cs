using System.Globalization;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Domain.Rules;

namespace Dimona.Grpc.Tests.Domain;

/// <summary>
/// Builders for rule tests: a fixed Brussels "now" (2026-11-27 10:00), a definitive active employer and
/// well-formed INs that raise no anomaly, to be varied with <c>with</c>.
/// </summary>
internal static class InChecks
{
    public static readonly DateTime BrusselsNow = new(2026, 11, 27, 10, 0, 0);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TimeOnly Hour(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static Employer DefinitiveEmployer { get; } = new(
        Id: 1,
        Name: "Brasserie du Parc",
        EnterpriseNumber: Parse<EnterpriseNumber>("0403019261", EnterpriseNumber.TryParse),
        OnssNumber: Parse<OnssNumber>("175110801", OnssNumber.TryParseDefinitive),
        ProvisionalOnssNumber: null,
        Active: true,
        Address: new Address("Rue Royale", "1", "", "1000", "Bruxelles", "BE"));

    public static Employer ProvisionalEmployer { get; } = DefinitiveEmployer with
    {
        OnssNumber = null,
        ProvisionalOnssNumber = Parse<OnssNumber>("5123456773", OnssNumber.TryParseProvisional),
    };

    public static Employer InactiveEmployer { get; } = DefinitiveEmployer with { Active = false };

    public static Worker IdentifiedWorker { get; } = new Worker.Identified(Parse<Niss>("93051822361", Niss.TryParse));

    /// <summary>A worker declared with identification data instead of a NISS.</summary>
    public static Worker UnidentifiedWorker { get; } = new Worker.Unidentified(new WorkerIdentification(
        "Peeters", "An", Date("2004-05-17"), "Gent", "BE", Sex.Female, "BE", new Address("Veldstraat", "12", "", "9000", "Gent", "BE")));

    /// <summary>An open-ended ordinary worker starting after "now".</summary>
    public static DimonaIn Ordinary { get; } = new(
        StartDate: Date("2026-12-01"), EndDate: null, StartHour: null, EndHour: null,
        JointCommittee: "XXX", WorkerType: WorkerType.OTH, PlannedHours: null, SmallStatutes: null);

    /// <summary>A student within one quarter with planned hours.</summary>
    public static DimonaIn Student { get; } = Ordinary with { EndDate = Date("2026-12-31"), WorkerType = WorkerType.STU, PlannedHours = 40 };

    /// <summary>An extra in the hotel trade (302) for one evening shift into the night: 18:00 to 02:00 the next day.</summary>
    public static DimonaIn Extra { get; } = Ordinary with
    {
        EndDate = Date("2026-12-02"),
        StartHour = Hour("18:00"),
        EndHour = Hour("02:00"),
        JointCommittee = "302",
        WorkerType = WorkerType.EXT,
    };

    /// <summary>A flexi-job for one day, 18:00 to 23:00.</summary>
    public static DimonaIn Flexi { get; } = Ordinary with
    {
        EndDate = Ordinary.StartDate,
        StartHour = Hour("18:00"),
        EndHour = Hour("23:00"),
        WorkerType = WorkerType.FLX,
    };

    public static UserCompany UserCompanyByNumber { get; } = new(Parse<EnterpriseNumber>("0403019261", EnterpriseNumber.TryParse), null, null);

    public static UserCompany UserCompanyByName { get; } =
        new(null, "Hotel Metropole", new Address("Place de Brouckère", "31", "", "1000", "Bruxelles", "BE"));

    /// <summary>A temporary agency worker (joint committee 322) for December, with the user company's enterprise number.</summary>
    public static DimonaIn AgencyWorker { get; } = Ordinary with { EndDate = Date("2026-12-31"), JointCommittee = "322", UserCompany = UserCompanyByNumber };

    /// <summary>A construction control card (C3.2A) number: 12 digits.</summary>
    public const string ControlCard = "123456789012";

    public static PlaceOfWork Shop { get; } = new("Shop Louise", new Address("Avenue Louise", "100", "", "1050", "Ixelles", "BE"));

    public static SmallStatutes EmployeeF1 { get; } = new(EmploymentNature.Employee, "401", InternType.F1);

    /// <summary>A complete STG: start and end, EMPLOYEE / 401 / F1.</summary>
    public static DimonaIn Intern { get; } = Ordinary with
    {
        EndDate = Date("2027-05-31"),
        WorkerType = WorkerType.STG,
        SmallStatutes = EmployeeF1,
    };

    public static Declared Declaring(DimonaIn @in, params Period[] existingPeriods) =>
        new(@in, IdentifiedWorker, DefinitiveEmployer, existingPeriods, BrusselsNow);

    /// <summary>Every anomaly, in the writer's order: the stateful rules', then the stateless rules'.</summary>
    public static IReadOnlyList<Anomaly> CheckAll(Declared declared) =>
        [.. DimonaInRules.Check(declared.Facts), .. DimonaInRules.Check(declared.Check)];

    /// <summary>An existing period of the same employer with the dates, hours and features of <paramref name="like"/>.</summary>
    public static Period PeriodLike(DimonaIn like) =>
        Period.Open(PeriodId.Of(DeclarationNumber.FromBase(6586908370)), DefinitiveEmployer.Id, IdentifiedWorker.Niss!, like);

    public static Anomaly Blocks(Func<InCheck, Anomaly?> rule, InCheck check, string code, string field) =>
        Raises(rule(check), code, Severity.Blocking, field);

    public static Anomaly Blocks(Func<InFacts, Anomaly?> rule, InFacts facts, string code, string field) =>
        Raises(rule(facts), code, Severity.Blocking, field);

    public static Anomaly Warns(Func<InCheck, Anomaly?> rule, InCheck check, string code, string field) =>
        Raises(rule(check), code, Severity.Warning, field);

    public static Anomaly Warns(Func<InFacts, Anomaly?> rule, InFacts facts, string code, string field) =>
        Raises(rule(facts), code, Severity.Warning, field);

    public static void Silent(Func<InCheck, Anomaly?> rule, InCheck check) => Assert.Null(rule(check));

    public static void Silent(Func<InFacts, Anomaly?> rule, InFacts facts) => Assert.Null(rule(facts));

    private static Anomaly Raises(Anomaly? anomaly, string code, Severity severity, string field)
    {
        Assert.NotNull(anomaly);
        Assert.Equal((code, severity, field), (anomaly.Code, anomaly.Severity, anomaly.Field));
        Assert.False(string.IsNullOrWhiteSpace(anomaly.Message));
        return anomaly;
    }

    private delegate bool TryParser<T>(string? text, out T? value, out string error);

    private static T Parse<T>(string text, TryParser<T> tryParse)
        where T : class =>
        tryParse(text, out var value, out var error) ? value! : throw new ArgumentException(error, nameof(text));
}

/// <summary>A declaration with everything the rules look at: the stateless rules see its <see cref="Check"/>, the stateful ones its <see cref="Facts"/>.</summary>
internal sealed record Declared(
    DimonaIn In, Worker Worker, Employer Employer, IReadOnlyList<Period> WorkerPeriods, DateTime BrusselsNow, int QuotaHoursBefore = 0)
{
    public InCheck Check => new(In, Worker, BrusselsNow);

    public InFacts Facts => new(In, Employer, WorkerPeriods, QuotaHoursBefore);

    public static implicit operator InCheck(Declared declared) => declared.Check;

    public static implicit operator InFacts(Declared declared) => declared.Facts;
}
