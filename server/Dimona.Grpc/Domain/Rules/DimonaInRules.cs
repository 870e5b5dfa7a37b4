using static Dimona.Grpc.Domain.WorkerType;

namespace Dimona.Grpc.Domain.Rules;

/// <summary>
/// The rules of a Dimona IN, one method per official rule, named after what it checks and documented with its
/// anomaly code. Pure: the stateless rules read an <see cref="InCheck"/> and run before the declaration is queued;
/// the stateful ones read the <see cref="InFacts"/> the writer loads.
/// </summary>
public static class DimonaInRules
{
    public static readonly IReadOnlyList<Func<InCheck, Anomaly?>> Stateless =
    [
        JointCommitteeRequired,
        JointCommitteeKnown,
        JointCommitteeMatchesWorkerType,
        StartDateInDomain,
        EndDateInDomain,
        EndNotBeforeStart,
        EndHourNotBeforeStartHour,
        EndDateRequired,
        WorkerTypeAvailableFrom,
        RetiredWorkerType,
        SameQuarter,
        OneDayPeriod,
        ExtraNissRequired,
        StartHourRequired,
        EndHourRequired,
        ExtraAtMost24Hours,
        ExtraAtMostTwoDays,
        FlexiDeclaredAtMost31DaysBeforeQuarter,
        Article17DeclaredAtMost15DaysBefore,
        EmploymentNatureRequired,
        InternTypeRequired,
        EmploymentNatureForbidden,
        InternTypeForbidden,
        ActivityRiskMatchesNature,
        PlaceOfWorkOnlyForStudents,
        UserCompanyRequired,
        UserCompanyNumberOrName,
        ConstructionCardRequired,
        PlannedHoursRequired,
        PlannedHoursForbidden,
        PlannedHoursInRange,
        LateDeclaration,
    ];

    public static readonly IReadOnlyList<Func<InFacts, Anomaly?>> Stateful =
    [
        EmployerActive,
        DefinitiveOnssNumberRequired,
        IdenticalPeriod,
        OverlappingPeriod,
        StudentHoursWithinQuota,
        Article17HoursWithinQuota,
    ];

    /// <summary>
    /// The stateless rules on a period's dates, hours and planned hours: they also run on the period an OUT or UPDATE
    /// leaves, since a change may not make a period an IN could not declare.
    /// </summary>
    public static readonly IReadOnlyList<Func<InCheck, Anomaly?>> PeriodShape =
    [
        StartDateInDomain,
        EndDateInDomain,
        EndNotBeforeStart,
        EndHourNotBeforeStartHour,
        EndDateRequired,
        WorkerTypeAvailableFrom,
        RetiredWorkerType,
        SameQuarter,
        OneDayPeriod,
        StartHourRequired,
        EndHourRequired,
        ExtraAtMost24Hours,
        ExtraAtMostTwoDays,
        FlexiDeclaredAtMost31DaysBeforeQuarter,
        Article17DeclaredAtMost15DaysBefore,
        PlannedHoursRequired,
        PlannedHoursForbidden,
        PlannedHoursInRange,
    ];

    /// <summary>
    /// The worker types whose planned hours count towards the same yearly quota as <paramref name="type"/>'s, across
    /// employers; null for a type without a quota.
    /// </summary>
    public static IReadOnlySet<WorkerType>? QuotaTypes(WorkerType type) => type switch
    {
        STU => StudentQuotaTypes,
        O17 or S17 => Article17QuotaTypes,
        _ => null,
    };

    private static readonly HashSet<WorkerType> StudentQuotaTypes = [STU];
    private static readonly HashSet<WorkerType> Article17QuotaTypes = [O17, S17];
    private const int Article17QuotaHours = 300;

    /// <summary>Every anomaly the declaration raises by itself, in the order of <see cref="Stateless"/>.</summary>
    public static IReadOnlyList<Anomaly> Check(InCheck check) =>
        [.. Stateless.Select(rule => rule(check)).OfType<Anomaly>()];

    /// <summary>Every anomaly the declaration raises against the employer and existing periods, in the order of <see cref="Stateful"/>.</summary>
    public static IReadOnlyList<Anomaly> Check(InFacts facts) =>
        [.. Stateful.Select(rule => rule(facts)).OfType<Anomaly>()];

    public static readonly IReadOnlySet<string> JointCommittees =
        new HashSet<string> { "124", "140", "144", "145", "149", "302", "320", "322", "XXX" };

    private static readonly HashSet<WorkerType> SmallStatuteTypes = [IVT, TRI, STG];
    private static readonly HashSet<WorkerType> EndDateTypes = [STU, EXT, IVT, TRI, STG, O17, S17, T17];
    private static readonly HashSet<WorkerType> PlannedHoursTypes = [STU, O17, S17];
    private static readonly HashSet<WorkerType> OneQuarterTypes = [STU, O17, S17, FLX];
    private static readonly HashSet<string> ExtraCommittees = ["144", "145", "302", "320", "322"];
    private static readonly HashSet<string> OrdinaryWorkerForbiddenCommittees = ["144", "145", "302"];
    private const string Construction = "124";
    private const string TemporaryAgencyWork = "322";
    private static readonly DateOnly SmallStatutesFrom = new(2020, 1, 1);
    private static readonly TimeSpan ExtraMaxLength = TimeSpan.FromHours(24);
    private static readonly HashSet<WorkerType> Article17Types = [O17, S17, T17];
    private const int FlexiDaysAhead = 31;
    private const int Article17DaysAhead = 15;

    private static readonly Dictionary<WorkerType, DateOnly> AvailableFrom = new()
    {
        [STG] = new(2020, 1, 1),
        [O17] = new(2022, 1, 1),
        [S17] = new(2022, 1, 1),
        [T17] = new(2022, 1, 1),
        [ALT] = new(2023, 9, 1),
    };

    private static readonly Dictionary<WorkerType, DateOnly> RetiredFrom = new()
    {
        [A17] = new(2022, 1, 1),
        [QUA] = new(2023, 1, 1),
        [STX] = new(2014, 1, 1),
        [TEA] = new(2022, 1, 1),
    };

    /// <summary>90373-343: an employer no longer active in the register cannot declare.</summary>
    public static Anomaly? EmployerActive(InFacts c) => c.Employer.Active
        ? null
        : Anomaly.Blocking("90373-343", Field.Employer, "The employer is not active in the employers' register.");

    /// <summary>90256-151: IVT, TRI and STG need an employer with a definitive ONSS number.</summary>
    public static Anomaly? DefinitiveOnssNumberRequired(InFacts c) =>
        SmallStatuteTypes.Contains(c.In.WorkerType) && !c.Employer.IsDefinitive
            ? Anomaly.Blocking("90256-151", Field.Employer,
                $"Worker type {c.In.WorkerType} needs a definitive ONSS number; this employer has only a provisional one: complete its identification through Wide first.")
            : null;

    /// <summary>00046-001: the joint committee is mandatory.</summary>
    public static Anomaly? JointCommitteeRequired(InCheck c) => c.In.JointCommittee.Length == 0
        ? Anomaly.Blocking("00046-001", Field.JointCommittee, "The joint committee is required.")
        : null;

    /// <summary>00046-003: the joint committee must be one of the Dimona values.</summary>
    public static Anomaly? JointCommitteeKnown(InCheck c) =>
        c.In.JointCommittee.Length > 0 && !JointCommittees.Contains(c.In.JointCommittee)
            ? Anomaly.Blocking("00046-003", Field.JointCommittee,
                $"Joint committee '{c.In.JointCommittee}' is not a Dimona value: use 124, 140, 144, 145, 149, 302, 320, 322 or XXX.")
            : null;

    /// <summary>90374-349: EXT only in 144, 145, 302, 320, 322; ordinary workers of 144, 145, 302 are declared as XXX.</summary>
    public static Anomaly? JointCommitteeMatchesWorkerType(InCheck c)
    {
        var committee = c.In.JointCommittee;
        var incompatible = c.In.WorkerType switch
        {
            EXT => JointCommittees.Contains(committee) && !ExtraCommittees.Contains(committee),
            OTH => OrdinaryWorkerForbiddenCommittees.Contains(committee),
            _ => false,
        };
        return incompatible
            ? Anomaly.Blocking("90374-349", Field.JointCommittee,
                $"Joint committee {committee} does not go with worker type {c.In.WorkerType}.")
            : null;
    }

    /// <summary>00910-008: the start date lies from 1920-01-01 and before 1 January of the current year + 10.</summary>
    public static Anomaly? StartDateInDomain(InCheck c) =>
        c.In.StartDate < new DateOnly(1920, 1, 1) || c.In.StartDate >= c.DateLimit
            ? Anomaly.Blocking("00910-008", Field.StartDate,
                $"The start date must be from 1920-01-01 and before {c.DateLimit:yyyy-MM-dd}.")
            : null;

    /// <summary>00911-008: the end date lies from 1999-01-01 and before 1 January of the current year + 10.</summary>
    public static Anomaly? EndDateInDomain(InCheck c) =>
        c.In.EndDate is { } end && (end < new DateOnly(1999, 1, 1) || end >= c.DateLimit)
            ? Anomaly.Blocking("00911-008", Field.EndDate,
                $"The end date must be from 1999-01-01 and before {c.DateLimit:yyyy-MM-dd}.")
            : null;

    /// <summary>00911-014: the end date may not precede the start date.</summary>
    public static Anomaly? EndNotBeforeStart(InCheck c) =>
        c.In.EndDate is { } end && end < c.In.StartDate
            ? Anomaly.Blocking("00911-014", Field.EndDate, "The end date is before the start date.")
            : null;

    /// <summary>00778-345: on a one-day period the end hour may not precede the start hour.</summary>
    public static Anomaly? EndHourNotBeforeStartHour(InCheck c) =>
        c.In.EndDate == c.In.StartDate && c.In.StartHour is { } from && c.In.EndHour is { } to && to < from
            ? Anomaly.Blocking("00778-345", Field.EndHour, "On a one-day period the end hour is before the start hour.")
            : null;

    /// <summary>00911-001: STU, EXT, IVT, TRI, STG, O17, S17, T17 and every IN in joint committee 322 need an end date.</summary>
    public static Anomaly? EndDateRequired(InCheck c) =>
        c.In.EndDate is null && (EndDateTypes.Contains(c.In.WorkerType) || c.In.JointCommittee == TemporaryAgencyWork)
            ? Anomaly.Blocking("00911-001", Field.EndDate,
                c.In.JointCommittee == TemporaryAgencyWork && !EndDateTypes.Contains(c.In.WorkerType)
                    ? "An end date is required in joint committee 322."
                    : $"An end date is required for worker type {c.In.WorkerType}.")
            : null;

    /// <summary>00910-008: STG exists from 2020-01-01, O17, S17 and T17 from 2022-01-01, ALT from 2023-09-01.</summary>
    public static Anomaly? WorkerTypeAvailableFrom(InCheck c) =>
        AvailableFrom.TryGetValue(c.In.WorkerType, out var from) && c.In.StartDate < from
            ? Anomaly.Blocking("00910-008", Field.StartDate,
                $"Worker type {c.In.WorkerType} can be declared only for periods starting from {from:yyyy-MM-dd}.")
            : null;

    /// <summary>00655-005: retired worker types are refused for new periods (A17 after 2021, QUA from 2023, STX from 2014, TEA from 2022).</summary>
    public static Anomaly? RetiredWorkerType(InCheck c) =>
        RetiredFrom.TryGetValue(c.In.WorkerType, out var from) && c.In.StartDate >= from
            ? Anomaly.Blocking("00655-005", Field.WorkerType,
                $"Worker type {c.In.WorkerType} is retired for periods starting from {from:yyyy-MM-dd}.")
            : null;

    /// <summary>90373-421: STU, O17, S17 and FLX periods start and end in the same calendar quarter.</summary>
    public static Anomaly? SameQuarter(InCheck c) =>
        OneQuarterTypes.Contains(c.In.WorkerType) && c.In.EndDate is { } end && end >= c.In.StartDate
        && Quarter(end) != Quarter(c.In.StartDate)
            ? Anomaly.Blocking("90373-421", Field.EndDate,
                $"A {c.In.WorkerType} period must start and end in the same calendar quarter.")
            : null;

    /// <summary>00911-008: a T17 period lasts one day (end date = start date).</summary>
    public static Anomaly? OneDayPeriod(InCheck c) =>
        c.In.WorkerType == T17 && c.In.EndDate is { } end && end != c.In.StartDate
            ? Anomaly.Blocking("00911-008", Field.EndDate, "A T17 period lasts one day: the end date must equal the start date.")
            : null;

    /// <summary>
    /// 00024-001: an EXT is declared with the worker's NISS. Without one it is refused, not left pending: the blocking
    /// anomaly decides the status.
    /// </summary>
    public static Anomaly? ExtraNissRequired(InCheck c) =>
        c.In.WorkerType == EXT && c.Worker.Niss is null
            ? Anomaly.Blocking("00024-001", Field.WorkerNiss, "An EXT is declared with the worker's NISS; identification data are not enough.")
            : null;

    /// <summary>00777-001: an EXT, and a FLX on a one-day period, give the start hour.</summary>
    public static Anomaly? StartHourRequired(InCheck c) =>
        NeedsHours(c.In) && c.In.StartHour is null
            ? Anomaly.Blocking("00777-001", Field.StartHour, $"The start hour is required for {HoursReason(c.In)}.")
            : null;

    /// <summary>00778-001: an EXT, and a FLX on a one-day period, give the end hour.</summary>
    public static Anomaly? EndHourRequired(InCheck c) =>
        NeedsHours(c.In) && c.In.EndHour is null
            ? Anomaly.Blocking("00778-001", Field.EndHour, $"The end hour is required for {HoursReason(c.In)}.")
            : null;

    /// <summary>90373-341: an EXT period lasts at most 24 hours, from the start date at the start hour to the end date at the end hour.</summary>
    public static Anomaly? ExtraAtMost24Hours(InCheck c) =>
        c.In is { WorkerType: EXT, EndDate: { } end, StartHour: { } from, EndHour: { } to }
        && end.ToDateTime(to) - c.In.StartDate.ToDateTime(from) > ExtraMaxLength
            ? Anomaly.Blocking("90373-341", Field.DimonaIn,
                $"An EXT period lasts at most 24 hours; this one runs from {c.In.StartDate:yyyy-MM-dd} {from:HHmm} to {end:yyyy-MM-dd} {to:HHmm}.")
            : null;

    /// <summary>00910-459: an EXT period covers at most two consecutive days (end date at most the day after the start date).</summary>
    public static Anomaly? ExtraAtMostTwoDays(InCheck c) =>
        c.In is { WorkerType: EXT, EndDate: { } end } && end.DayNumber - c.In.StartDate.DayNumber > 1
            ? Anomaly.Blocking("00910-459", Field.StartDate, "An EXT period covers at most two consecutive days: the end date is at most the day after the start date.")
            : null;

    /// <summary>
    /// 00910-008: a FLX is declared at most 31 days before the first day of the calendar quarter its period starts
    /// in (today in Brussels).
    /// </summary>
    public static Anomaly? FlexiDeclaredAtMost31DaysBeforeQuarter(InCheck c)
    {
        var quarter = QuarterStart(c.In.StartDate);
        return c.In.WorkerType == FLX && quarter.DayNumber - c.Today.DayNumber > FlexiDaysAhead
            ? Anomaly.Blocking("00910-008", Field.StartDate,
                $"A FLX is declared at most {FlexiDaysAhead} days before the start of its quarter ({quarter:yyyy-MM-dd}): from {quarter.AddDays(-FlexiDaysAhead):yyyy-MM-dd} on.")
            : null;
    }

    /// <summary>00910-008: an O17, S17 or T17 is declared at most 15 days before its start date (today in Brussels).</summary>
    public static Anomaly? Article17DeclaredAtMost15DaysBefore(InCheck c) =>
        Article17Types.Contains(c.In.WorkerType) && c.In.StartDate.DayNumber - c.Today.DayNumber > Article17DaysAhead
            ? Anomaly.Blocking("00910-008", Field.StartDate,
                $"A {c.In.WorkerType} is declared at most {Article17DaysAhead} days before its start: from {c.In.StartDate.AddDays(-Article17DaysAhead):yyyy-MM-dd} on.")
            : null;

    /// <summary>
    /// 01231-001: IVT, TRI and STG name the employment nature of the small-statutes block; on periods from 2020-01-01 a
    /// missing block leaves it missing too.
    /// </summary>
    public static Anomaly? EmploymentNatureRequired(InCheck c) =>
        NeedsSmallStatutes(c) && c.In.SmallStatutes?.EmploymentNature is null
            ? Anomaly.Blocking("01231-001", Field.EmploymentNature,
                $"The employment nature (EMPLOYEE or WORKER) of the small-statutes block is required for worker type {c.In.WorkerType}.")
            : null;

    /// <summary>
    /// 00053-001: IVT, TRI and STG name the intern type of the small-statutes block; on periods from 2020-01-01 a
    /// missing block leaves it missing too.
    /// </summary>
    public static Anomaly? InternTypeRequired(InCheck c) =>
        NeedsSmallStatutes(c) && c.In.SmallStatutes?.InternType is null
            ? Anomaly.Blocking("00053-001", Field.InternType,
                $"The intern type (F1 or F2) of the small-statutes block is required for worker type {c.In.WorkerType}.")
            : null;

    /// <summary>01231-005: the small-statutes block, and so its employment nature, is forbidden for every type other than IVT, TRI and STG.</summary>
    public static Anomaly? EmploymentNatureForbidden(InCheck c) =>
        !SmallStatuteTypes.Contains(c.In.WorkerType) && c.In.SmallStatutes is not null
            ? Anomaly.Blocking("01231-005", Field.EmploymentNature,
                $"The small-statutes block (employment nature) is only for IVT, TRI and STG, not for {c.In.WorkerType}.")
            : null;

    /// <summary>00053-005: the small-statutes block, and so its intern type, is forbidden for every type other than IVT, TRI and STG.</summary>
    public static Anomaly? InternTypeForbidden(InCheck c) =>
        !SmallStatuteTypes.Contains(c.In.WorkerType) && c.In.SmallStatutes is not null
            ? Anomaly.Blocking("00053-005", Field.InternType,
                $"The small-statutes block (intern type) is only for IVT, TRI and STG, not for {c.In.WorkerType}.")
            : null;

    /// <summary>00041-521: the activity with risk belongs to the employment nature (WORKER 001–006, EMPLOYEE 401–412).</summary>
    public static Anomaly? ActivityRiskMatchesNature(InCheck c) =>
        SmallStatuteTypes.Contains(c.In.WorkerType)
        && c.In.SmallStatutes is { EmploymentNature: { } nature, ActivityWithRisk: { } risk }
        && ActivityRisk.NatureOf(risk) is { } riskNature && riskNature != nature
            ? Anomaly.Blocking("00041-521", Field.ActivityWithRisk,
                $"Activity with risk {risk} is for the employment nature {riskNature.ToString().ToUpperInvariant()}, not {nature.ToString().ToUpperInvariant()}.")
            : null;

    /// <summary>00776-005: a place of work away from the head office is given only for a student (STU).</summary>
    public static Anomaly? PlaceOfWorkOnlyForStudents(InCheck c) =>
        c.In.WorkerType != STU && c.In.PlaceOfWork is not null
            ? Anomaly.Blocking("00776-005", Field.StudentPlaceOfWork, $"A place of work is given only for a student (STU), not for {c.In.WorkerType}.")
            : null;

    /// <summary>90107-351: in joint committee 322 the user company is named, by its enterprise number or by its name and address.</summary>
    public static Anomaly? UserCompanyRequired(InCheck c) =>
        c.In.JointCommittee == TemporaryAgencyWork && c.In.UserCompany is not ({ EnterpriseNumber: not null } or { Name: not null })
            ? Anomaly.Blocking("90107-351", Field.UserCompany,
                "In joint committee 322 the user company is required: its enterprise number, or its name and address.")
            : null;

    /// <summary>90107-352: in joint committee 322 the user company is named by its enterprise number or by its name, not both.</summary>
    public static Anomaly? UserCompanyNumberOrName(InCheck c) =>
        c.In.JointCommittee == TemporaryAgencyWork && c.In.UserCompany is { EnterpriseNumber: not null, Name: not null }
            ? Anomaly.Blocking("90107-352", Field.UserCompany,
                "Name the user company by its enterprise number or by its name and address, not both.")
            : null;

    /// <summary>00663-001: joint committee 124, and a BCW in joint committee 322, give the first month's construction control card (C3.2A) number.</summary>
    public static Anomaly? ConstructionCardRequired(InCheck c) =>
        (c.In.JointCommittee == Construction || (c.In.JointCommittee == TemporaryAgencyWork && c.In.WorkerType == BCW))
        && c.In.FirstMonthC32ANumber is null
            ? Anomaly.Blocking("00663-001", Field.FirstMonthC32ANumber,
                c.In.JointCommittee == Construction
                    ? "The first month's construction control card (C3.2A) number is required in joint committee 124."
                    : "The first month's construction control card (C3.2A) number is required for a BCW in joint committee 322.")
            : null;

    /// <summary>01135-001: STU, O17 and S17 declare their planned hours.</summary>
    public static Anomaly? PlannedHoursRequired(InCheck c) =>
        PlannedHoursTypes.Contains(c.In.WorkerType) && c.In.PlannedHours is null
            ? Anomaly.Blocking("01135-001", Field.PlannedHours, $"Planned hours are required for worker type {c.In.WorkerType}.")
            : null;

    /// <summary>01135-005: planned hours are forbidden for every type other than STU, O17 and S17.</summary>
    public static Anomaly? PlannedHoursForbidden(InCheck c) =>
        !PlannedHoursTypes.Contains(c.In.WorkerType) && c.In.PlannedHours is not null
            ? Anomaly.Blocking("01135-005", Field.PlannedHours, $"Planned hours are not allowed for worker type {c.In.WorkerType}.")
            : null;

    /// <summary>01135-003: planned hours lie between 1 and 999.</summary>
    public static Anomaly? PlannedHoursInRange(InCheck c) =>
        c.In.PlannedHours is { } hours && hours is < 1 or > 999
            ? Anomaly.Blocking("01135-003", Field.PlannedHours, "Planned hours must be between 1 and 999.")
            : null;

    /// <summary>90373-333: the same period (dates, hours, committee, type) is already declared for this worker and employer.</summary>
    public static Anomaly? IdenticalPeriod(InFacts c) =>
        c.WorkerPeriods.FirstOrDefault(p => SameFeatures(p, c.In) && p.StartDate == c.In.StartDate && p.EndDate == c.In.EndDate
            && p.StartHour == c.In.StartHour && p.EndHour == c.In.EndHour) is { } twin
            ? Anomaly.Blocking("90373-333", Field.DimonaIn, $"This period is already declared as period {twin.Id}.")
            : null;

    /// <summary>90373-334: a period of the same employer, worker, joint committee and worker type overlaps this one.</summary>
    public static Anomaly? OverlappingPeriod(InFacts c) =>
        c.WorkerPeriods.FirstOrDefault(p => SameFeatures(p, c.In) && Overlaps(p, c.In)
            && !(p.StartDate == c.In.StartDate && p.EndDate == c.In.EndDate && p.StartHour == c.In.StartHour && p.EndHour == c.In.EndHour)) is { } other
            ? Anomaly.Blocking("90373-334", Field.DimonaIn, $"This period overlaps period {other.Id}.")
            : null;

    /// <summary>
    /// 90017-369 (warning): a student (STU) works at most 475 hours a calendar year up to 2022, 600 in 2023 and 2024,
    /// 650 from 2025 (the year of the start date), across all employers. Going over is accepted with a warning that
    /// reports how many of this IN's planned hours lie over the quota.
    /// </summary>
    public static Anomaly? StudentHoursWithinQuota(InFacts c) =>
        StudentQuotaTypes.Contains(c.In.WorkerType) && HoursOverQuota(c, StudentQuotaHours(c.In.StartDate.Year)) is { } over
            ? Anomaly.Warning("90017-369", Field.PlannedHours, QuotaMessage(c, "the student quota", StudentQuotaHours(c.In.StartDate.Year), over))
            : null;

    /// <summary>
    /// 90017-369, blocking: O17 and S17 together work at most 300 hours a calendar year (the year of the start date),
    /// across all employers. The article 17 quota is blocking, unlike the students', so this code, a warning in the
    /// official list, refuses here. The rule catalogue gives no figure: 300 hours is the article 17 limit from 2023
    /// on, applied to every year.
    /// </summary>
    public static Anomaly? Article17HoursWithinQuota(InFacts c) =>
        Article17QuotaTypes.Contains(c.In.WorkerType) && HoursOverQuota(c, Article17QuotaHours) is { } over
            ? Anomaly.Blocking("90017-369", Field.PlannedHours, QuotaMessage(c, "the article 17 quota (O17 and S17 together)", Article17QuotaHours, over))
            : null;

    /// <summary>90373-460 (warning): an IN received after work started is accepted, but late.</summary>
    public static Anomaly? LateDeclaration(InCheck c)
    {
        var late = c.Today > c.In.StartDate
            || (c.Today == c.In.StartDate && c.In.StartHour is { } hour && TimeOnly.FromDateTime(c.BrusselsNow) > hour);
        return late
            ? Anomaly.Warning("90373-460", Field.StartDate, $"Late declaration: work started on {c.In.StartDate:yyyy-MM-dd}, before it was declared.")
            : null;
    }

    /// <summary>
    /// Whether the IN must fill in the small-statutes block: an IVT, TRI or STG that gives it, or that starts from
    /// 2020-01-01 (the block is mandatory from then on).
    /// </summary>
    private static bool NeedsSmallStatutes(InCheck c) =>
        SmallStatuteTypes.Contains(c.In.WorkerType) && (c.In.SmallStatutes is not null || c.In.StartDate >= SmallStatutesFrom);

    /// <summary>Whether the IN must give its start and end hours: an EXT, or a FLX on a one-day period.</summary>
    private static bool NeedsHours(DimonaIn @in) => @in.WorkerType == EXT || (@in.WorkerType == FLX && @in.EndDate == @in.StartDate);

    private static string HoursReason(DimonaIn @in) => @in.WorkerType == EXT ? "an EXT" : "a FLX on a one-day period";

    /// <summary>A student's yearly quota of hours: 475 up to 2022, 600 in 2023 and 2024, 650 from 2025.</summary>
    private static int StudentQuotaHours(int year) => year switch
    {
        <= 2022 => 475,
        <= 2024 => 600,
        _ => 650,
    };

    /// <summary>How many of the IN's planned hours lie over <paramref name="quota"/>, counting the hours already declared that year; null when none.</summary>
    private static int? HoursOverQuota(InFacts c, int quota) =>
        c.In.PlannedHours is { } hours && c.QuotaHoursBefore + hours > quota
            ? Math.Min(hours, c.QuotaHoursBefore + hours - quota)
            : null;

    private static string QuotaMessage(InFacts c, string quotaName, int quota, int over) =>
        $"{over} of the {c.In.PlannedHours} planned hours exceed {quotaName} of {quota} hours in {c.In.StartDate.Year}: "
        + $"{c.QuotaHoursBefore} hours were already declared that year across all employers.";

    private static int Quarter(DateOnly date) => (date.Year * 4) + ((date.Month - 1) / 3);

    private static DateOnly QuarterStart(DateOnly date) => new(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);

    private static bool SameFeatures(Period p, DimonaIn @in) =>
        p.JointCommittee == @in.JointCommittee && p.WorkerType == @in.WorkerType;

    /// <summary>
    /// Whether the two overlap in time: from the start date at the start hour (or midnight) to the end date at the
    /// end hour (or the end of that day), so that two shifts on the same day that do not meet both stand.
    /// </summary>
    private static bool Overlaps(Period p, DimonaIn @in) =>
        From(p.StartDate, p.StartHour) < Until(@in.EndDate, @in.EndHour) && From(@in.StartDate, @in.StartHour) < Until(p.EndDate, p.EndHour);

    private static DateTime From(DateOnly date, TimeOnly? hour) => date.ToDateTime(hour ?? TimeOnly.MinValue);

    private static DateTime Until(DateOnly? date, TimeOnly? hour) => date is { } end
        ? (hour is { } h ? end.ToDateTime(h) : end == DateOnly.MaxValue ? DateTime.MaxValue : end.AddDays(1).ToDateTime(TimeOnly.MinValue))
        : DateTime.MaxValue;
}
