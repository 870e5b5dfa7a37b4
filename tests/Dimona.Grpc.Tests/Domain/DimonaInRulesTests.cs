using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;
using static Dimona.Grpc.Domain.WorkerType;
using static Dimona.Grpc.Tests.Domain.InChecks;

namespace Dimona.Grpc.Tests.Domain;

public class DimonaInRulesTests
{
    // 90373-343

    [Fact]
    public void EmployerActive_InactiveEmployer_Blocks90373_343() =>
        Blocks(DimonaInRules.EmployerActive, Declaring(Ordinary) with { Employer = InactiveEmployer }, "90373-343", Field.Employer);

    [Fact]
    public void EmployerActive_ActiveEmployer_Silent() =>
        Silent(DimonaInRules.EmployerActive, Declaring(Ordinary));

    // 90256-151

    [Theory]
    [InlineData(IVT)]
    [InlineData(TRI)]
    [InlineData(STG)]
    public void DefinitiveOnssNumberRequired_SmallStatuteTypeFromProvisionalEmployer_Blocks90256_151(WorkerType type)
    {
        var anomaly = Blocks(DimonaInRules.DefinitiveOnssNumberRequired,
            Declaring(Intern with { WorkerType = type }) with { Employer = ProvisionalEmployer }, "90256-151", Field.Employer);

        Assert.Contains(type.ToString(), anomaly.Message, StringComparison.Ordinal);
        Assert.Contains("definitive", anomaly.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DefinitiveOnssNumberRequired_StgFromDefinitiveEmployer_Silent() =>
        Silent(DimonaInRules.DefinitiveOnssNumberRequired, Declaring(Intern));

    [Theory]
    [InlineData(OTH)]
    [InlineData(STU)]
    [InlineData(FLX)]
    public void DefinitiveOnssNumberRequired_OtherTypeFromProvisionalEmployer_Silent(WorkerType type) =>
        Silent(DimonaInRules.DefinitiveOnssNumberRequired, Declaring(Ordinary with { WorkerType = type }) with { Employer = ProvisionalEmployer });

    // 00046-001, 00046-003

    [Fact]
    public void JointCommitteeRequired_EmptyCommittee_Blocks00046_001() =>
        Blocks(DimonaInRules.JointCommitteeRequired, Declaring(Ordinary with { JointCommittee = "" }), "00046-001", Field.JointCommittee);

    [Fact]
    public void JointCommitteeRequired_CommitteeGiven_Silent() =>
        Silent(DimonaInRules.JointCommitteeRequired, Declaring(Ordinary));

    [Fact]
    public void JointCommitteeKnown_EmptyCommittee_SilentAsReportedBy00046_001() =>
        Silent(DimonaInRules.JointCommitteeKnown, Declaring(Ordinary with { JointCommittee = "" }));

    [Theory]
    [InlineData("124")]
    [InlineData("140")]
    [InlineData("144")]
    [InlineData("145")]
    [InlineData("149")]
    [InlineData("302")]
    [InlineData("320")]
    [InlineData("322")]
    [InlineData("XXX")]
    public void JointCommitteeKnown_DimonaValue_Silent(string committee) =>
        Silent(DimonaInRules.JointCommitteeKnown, Declaring(Ordinary with { JointCommittee = committee }));

    [Theory]
    [InlineData("200")]
    [InlineData("xxx")]
    [InlineData("322 ")]
    [InlineData("3220")]
    public void JointCommitteeKnown_OtherValue_Blocks00046_003(string committee) =>
        Blocks(DimonaInRules.JointCommitteeKnown, Declaring(Ordinary with { JointCommittee = committee }), "00046-003", Field.JointCommittee);

    // 90374-349

    [Theory]
    [InlineData(EXT, "XXX")]
    [InlineData(EXT, "124")]
    [InlineData(EXT, "140")]
    [InlineData(EXT, "149")]
    [InlineData(OTH, "144")]
    [InlineData(OTH, "145")]
    [InlineData(OTH, "302")]
    public void JointCommitteeMatchesWorkerType_IncompatiblePair_Blocks90374_349(WorkerType type, string committee) =>
        Blocks(DimonaInRules.JointCommitteeMatchesWorkerType,
            Declaring(Ordinary with { WorkerType = type, JointCommittee = committee }), "90374-349", Field.JointCommittee);

    [Theory]
    [InlineData(EXT, "144")]
    [InlineData(EXT, "145")]
    [InlineData(EXT, "302")]
    [InlineData(EXT, "320")]
    [InlineData(EXT, "322")]
    [InlineData(OTH, "XXX")]
    [InlineData(OTH, "124")]
    [InlineData(OTH, "322")]
    [InlineData(STU, "302")]
    [InlineData(FLX, "302")]
    public void JointCommitteeMatchesWorkerType_CompatiblePair_Silent(WorkerType type, string committee) =>
        Silent(DimonaInRules.JointCommitteeMatchesWorkerType, Declaring(Ordinary with { WorkerType = type, JointCommittee = committee }));

    [Fact]
    public void JointCommitteeMatchesWorkerType_ExtraInUnknownCommittee_SilentAsReportedBy00046_003() =>
        Silent(DimonaInRules.JointCommitteeMatchesWorkerType, Declaring(Ordinary with { WorkerType = EXT, JointCommittee = "999" }));

    // 00910-008 (start date domain)

    [Theory]
    [InlineData("1919-12-31")]
    [InlineData("2036-01-01")] // 1 January of (2026 + 10)
    public void StartDateInDomain_OutsideTheDomain_Blocks00910_008(string start) =>
        Blocks(DimonaInRules.StartDateInDomain, Declaring(Ordinary with { StartDate = Date(start) }), "00910-008", Field.StartDate);

    [Theory]
    [InlineData("1920-01-01")]
    [InlineData("2035-12-31")]
    public void StartDateInDomain_AtTheBounds_Silent(string start) =>
        Silent(DimonaInRules.StartDateInDomain, Declaring(Ordinary with { StartDate = Date(start) }));

    [Fact]
    public void StartDateInDomain_UpperBound_FollowsTheCurrentYear()
    {
        var nextYear = Declaring(Ordinary with { StartDate = Date("2036-06-01") }) with { BrusselsNow = new DateTime(2027, 1, 1, 0, 0, 0) };

        Silent(DimonaInRules.StartDateInDomain, nextYear);
    }

    // 00911-008 (end date domain)

    [Theory]
    [InlineData("1998-12-31")]
    [InlineData("2036-01-01")]
    [InlineData("9999-12-31")]
    public void EndDateInDomain_OutsideTheDomain_Blocks00911_008(string end) =>
        Blocks(DimonaInRules.EndDateInDomain,
            Declaring(Ordinary with { StartDate = Date("1998-01-01"), EndDate = Date(end) }), "00911-008", Field.EndDate);

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("2035-12-31")]
    public void EndDateInDomain_AtTheBounds_Silent(string end) =>
        Silent(DimonaInRules.EndDateInDomain, Declaring(Ordinary with { StartDate = Date("1998-01-01"), EndDate = Date(end) }));

    [Fact]
    public void EndDateInDomain_NoEndDate_Silent() =>
        Silent(DimonaInRules.EndDateInDomain, Declaring(Ordinary));

    // 00911-014

    [Fact]
    public void EndNotBeforeStart_EndTheDayBeforeStart_Blocks00911_014() =>
        Blocks(DimonaInRules.EndNotBeforeStart, Declaring(Ordinary with { EndDate = Date("2026-11-30") }), "00911-014", Field.EndDate);

    [Fact]
    public void EndNotBeforeStart_EndOnStart_Silent() =>
        Silent(DimonaInRules.EndNotBeforeStart, Declaring(Ordinary with { EndDate = Ordinary.StartDate }));

    // 00778-345

    [Fact]
    public void EndHourNotBeforeStartHour_OneDayEndingBeforeItStarts_Blocks00778_345() =>
        Blocks(DimonaInRules.EndHourNotBeforeStartHour,
            Declaring(Ordinary with { EndDate = Ordinary.StartDate, StartHour = Hour("14:00"), EndHour = Hour("13:59") }),
            "00778-345", Field.EndHour);

    [Fact]
    public void EndHourNotBeforeStartHour_OneDayEndingAtItsStartHour_Silent() =>
        Silent(DimonaInRules.EndHourNotBeforeStartHour,
            Declaring(Ordinary with { EndDate = Ordinary.StartDate, StartHour = Hour("14:00"), EndHour = Hour("14:00") }));

    [Fact]
    public void EndHourNotBeforeStartHour_NightOverTwoDays_Silent() =>
        Silent(DimonaInRules.EndHourNotBeforeStartHour,
            Declaring(Ordinary with { EndDate = Date("2026-12-02"), StartHour = Hour("22:00"), EndHour = Hour("06:00") }));

    // 00911-001

    [Theory]
    [InlineData(STU)]
    [InlineData(EXT)]
    [InlineData(IVT)]
    [InlineData(TRI)]
    [InlineData(STG)]
    [InlineData(O17)]
    [InlineData(S17)]
    [InlineData(T17)]
    public void EndDateRequired_TypeWithoutEndDate_Blocks00911_001(WorkerType type) =>
        Blocks(DimonaInRules.EndDateRequired, Declaring(Ordinary with { WorkerType = type }), "00911-001", Field.EndDate);

    [Theory]
    [InlineData(OTH)]
    [InlineData(FLX)]
    [InlineData(BCW)]
    public void EndDateRequired_JointCommittee322WithoutEndDate_Blocks00911_001(WorkerType type) =>
        Blocks(DimonaInRules.EndDateRequired, Declaring(Ordinary with { WorkerType = type, JointCommittee = "322" }), "00911-001", Field.EndDate);

    [Theory]
    [InlineData(OTH)]
    [InlineData(FLX)]
    [InlineData(DWD)]
    [InlineData(ALT)]
    [InlineData(BCW)]
    [InlineData(RTA)]
    [InlineData(PMP)]
    public void EndDateRequired_OpenEndedTypeOutside322_Silent(WorkerType type) =>
        Silent(DimonaInRules.EndDateRequired, Declaring(Ordinary with { WorkerType = type }));

    [Fact]
    public void EndDateRequired_StudentWithEndDate_Silent() =>
        Silent(DimonaInRules.EndDateRequired, Declaring(Student));

    // 00910-008 (worker type not yet available)

    [Theory]
    [InlineData(STG, "2019-12-31")]
    [InlineData(O17, "2021-12-31")]
    [InlineData(S17, "2021-12-31")]
    [InlineData(T17, "2021-12-31")]
    [InlineData(ALT, "2023-08-31")]
    public void WorkerTypeAvailableFrom_StartBeforeTheTypeExists_Blocks00910_008(WorkerType type, string start) =>
        Blocks(DimonaInRules.WorkerTypeAvailableFrom, Declaring(Ordinary with { WorkerType = type, StartDate = Date(start) }),
            "00910-008", Field.StartDate);

    [Theory]
    [InlineData(STG, "2020-01-01")]
    [InlineData(O17, "2022-01-01")]
    [InlineData(S17, "2022-01-01")]
    [InlineData(T17, "2022-01-01")]
    [InlineData(ALT, "2023-09-01")]
    [InlineData(OTH, "1990-01-01")]
    public void WorkerTypeAvailableFrom_StartOnTheFirstDay_Silent(WorkerType type, string start) =>
        Silent(DimonaInRules.WorkerTypeAvailableFrom, Declaring(Ordinary with { WorkerType = type, StartDate = Date(start) }));

    // 00655-005

    [Theory]
    [InlineData(A17, "2022-01-01")]
    [InlineData(QUA, "2023-01-01")]
    [InlineData(STX, "2014-01-01")]
    [InlineData(TEA, "2022-01-01")]
    public void RetiredWorkerType_StartFromRetirement_Blocks00655_005(WorkerType type, string start) =>
        Blocks(DimonaInRules.RetiredWorkerType, Declaring(Ordinary with { WorkerType = type, StartDate = Date(start) }),
            "00655-005", Field.WorkerType);

    [Theory]
    [InlineData(A17, "2021-12-31")]
    [InlineData(QUA, "2022-12-31")]
    [InlineData(STX, "2013-12-31")]
    [InlineData(TEA, "2021-12-31")]
    [InlineData(OTH, "2026-12-01")]
    public void RetiredWorkerType_StartBeforeRetirement_Silent(WorkerType type, string start) =>
        Silent(DimonaInRules.RetiredWorkerType, Declaring(Ordinary with { WorkerType = type, StartDate = Date(start) }));

    // 90373-421

    [Theory]
    [InlineData(STU, "2026-12-01", "2027-01-01")]
    [InlineData(O17, "2026-12-31", "2027-01-01")]
    [InlineData(S17, "2026-09-30", "2026-10-01")]
    [InlineData(FLX, "2026-12-01", "2027-01-15")]
    [InlineData(STU, "2026-10-01", "2027-10-01")] // same quarter number, another year
    public void SameQuarter_PeriodSpanningTwoQuarters_Blocks90373_421(WorkerType type, string start, string end) =>
        Blocks(DimonaInRules.SameQuarter, Declaring(Student with { WorkerType = type, StartDate = Date(start), EndDate = Date(end) }),
            "90373-421", Field.EndDate);

    [Theory]
    [InlineData(STU, "2026-10-01", "2026-12-31")]
    [InlineData(FLX, "2027-01-01", "2027-03-31")]
    [InlineData(OTH, "2026-12-01", "2027-01-15")]
    [InlineData(STG, "2026-12-01", "2027-05-31")]
    public void SameQuarter_WithinOneQuarterOrOtherType_Silent(WorkerType type, string start, string end) =>
        Silent(DimonaInRules.SameQuarter, Declaring(Student with { WorkerType = type, StartDate = Date(start), EndDate = Date(end) }));

    [Fact]
    public void SameQuarter_FlexiWithoutEndDate_Silent() =>
        Silent(DimonaInRules.SameQuarter, Declaring(Ordinary with { WorkerType = FLX }));

    // 00911-008 (T17 lasts one day)

    [Fact]
    public void OneDayPeriod_T17OverTwoDays_Blocks00911_008() =>
        Blocks(DimonaInRules.OneDayPeriod, Declaring(Ordinary with { WorkerType = T17, EndDate = Date("2026-12-02") }), "00911-008", Field.EndDate);

    [Fact]
    public void OneDayPeriod_T17OnOneDay_Silent() =>
        Silent(DimonaInRules.OneDayPeriod, Declaring(Ordinary with { WorkerType = T17, EndDate = Ordinary.StartDate }));

    [Fact]
    public void OneDayPeriod_StudentOverTwoDays_Silent() =>
        Silent(DimonaInRules.OneDayPeriod, Declaring(Student));

    // 00024-001 (EXT)

    [Fact]
    public void ExtraNissRequired_ExtraWithoutNiss_Blocks00024_001() =>
        Blocks(DimonaInRules.ExtraNissRequired, Declaring(Extra) with { Worker = UnidentifiedWorker }, "00024-001", Field.WorkerNiss);

    [Fact]
    public void ExtraNissRequired_ExtraWithNiss_Silent() =>
        Silent(DimonaInRules.ExtraNissRequired, Declaring(Extra));

    [Fact]
    public void ExtraNissRequired_OrdinaryWithoutNiss_Silent() =>
        Silent(DimonaInRules.ExtraNissRequired, Declaring(Ordinary) with { Worker = UnidentifiedWorker });

    [Fact]
    public void Check_ExtraWithoutNiss_IsRefusedNotPending()
    {
        var anomalies = CheckAll(Declaring(Extra) with { Worker = UnidentifiedWorker });

        Assert.Equal(["00024-001"], anomalies.Select(a => a.Code));
        Assert.Equal(DeclarationStatus.Refused, DeclarationResult.StatusOf(anomalies, workerIdentified: false));
    }

    // 00777-001, 00778-001 (EXT; FLX on a one-day period)

    [Fact]
    public void StartHourRequired_ExtraWithoutStartHour_Blocks00777_001() =>
        Blocks(DimonaInRules.StartHourRequired, Declaring(Extra with { StartHour = null }), "00777-001", Field.StartHour);

    [Fact]
    public void EndHourRequired_ExtraWithoutEndHour_Blocks00778_001() =>
        Blocks(DimonaInRules.EndHourRequired, Declaring(Extra with { EndHour = null }), "00778-001", Field.EndHour);

    [Fact]
    public void StartHourRequired_OneDayFlexiWithoutStartHour_Blocks00777_001() =>
        Blocks(DimonaInRules.StartHourRequired, Declaring(Flexi with { StartHour = null }), "00777-001", Field.StartHour);

    [Fact]
    public void EndHourRequired_OneDayFlexiWithoutEndHour_Blocks00778_001() =>
        Blocks(DimonaInRules.EndHourRequired, Declaring(Flexi with { EndHour = null }), "00778-001", Field.EndHour);

    [Fact]
    public void HoursRequired_ExtraAndOneDayFlexiWithHours_Silent()
    {
        Silent(DimonaInRules.StartHourRequired, Declaring(Extra));
        Silent(DimonaInRules.EndHourRequired, Declaring(Extra));
        Silent(DimonaInRules.StartHourRequired, Declaring(Flexi));
        Silent(DimonaInRules.EndHourRequired, Declaring(Flexi));
    }

    [Theory]
    [InlineData("2026-12-02")] // two days
    [InlineData(null)] // open-ended
    public void HoursRequired_FlexiNotOnOneDayWithoutHours_Silent(string? end)
    {
        var flexi = Declaring(Flexi with { EndDate = end is null ? null : Date(end), StartHour = null, EndHour = null });

        Silent(DimonaInRules.StartHourRequired, flexi);
        Silent(DimonaInRules.EndHourRequired, flexi);
    }

    [Theory]
    [InlineData(OTH)]
    [InlineData(STU)]
    [InlineData(T17)]
    public void HoursRequired_OtherTypeOnOneDayWithoutHours_Silent(WorkerType type)
    {
        var oneDay = Declaring(Flexi with { WorkerType = type, StartHour = null, EndHour = null });

        Silent(DimonaInRules.StartHourRequired, oneDay);
        Silent(DimonaInRules.EndHourRequired, oneDay);
    }

    // 90373-341 (EXT at most 24 hours)

    [Fact]
    public void ExtraAtMost24Hours_25Hours_Blocks90373_341() =>
        Blocks(DimonaInRules.ExtraAtMost24Hours, Declaring(Extra with { StartHour = Hour("18:00"), EndHour = Hour("19:00") }),
            "90373-341", Field.DimonaIn);

    [Fact]
    public void ExtraAtMost24Hours_24HoursAndAMinute_Blocks90373_341() =>
        Blocks(DimonaInRules.ExtraAtMost24Hours, Declaring(Extra with { StartHour = Hour("18:00"), EndHour = Hour("18:01") }),
            "90373-341", Field.DimonaIn);

    [Fact]
    public void ExtraAtMost24Hours_Exactly24Hours_Silent() =>
        Silent(DimonaInRules.ExtraAtMost24Hours, Declaring(Extra with { StartHour = Hour("18:00"), EndHour = Hour("18:00") }));

    [Fact]
    public void ExtraAtMost24Hours_WholeDay_Silent() =>
        Silent(DimonaInRules.ExtraAtMost24Hours,
            Declaring(Extra with { EndDate = Extra.StartDate, StartHour = Hour("00:00"), EndHour = Hour("23:59") }));

    [Fact]
    public void ExtraAtMost24Hours_WithoutEndHour_SilentAsReportedBy00778_001() =>
        Silent(DimonaInRules.ExtraAtMost24Hours, Declaring(Extra with { StartHour = Hour("08:00"), EndHour = null }));

    [Fact]
    public void ExtraAtMost24Hours_OrdinaryOver25Hours_Silent() =>
        Silent(DimonaInRules.ExtraAtMost24Hours,
            Declaring(Extra with { WorkerType = OTH, JointCommittee = "XXX", StartHour = Hour("18:00"), EndHour = Hour("19:00") }));

    // 00910-459 (EXT at most two consecutive days)

    [Fact]
    public void ExtraAtMostTwoDays_ThreeDays_Blocks00910_459() =>
        Blocks(DimonaInRules.ExtraAtMostTwoDays, Declaring(Extra with { EndDate = Extra.StartDate.AddDays(2) }), "00910-459", Field.StartDate);

    [Fact]
    public void ExtraAtMostTwoDays_TwoDays_Silent() =>
        Silent(DimonaInRules.ExtraAtMostTwoDays, Declaring(Extra with { EndDate = Extra.StartDate.AddDays(1) }));

    [Fact]
    public void ExtraAtMostTwoDays_OrdinaryOverThreeDays_Silent() =>
        Silent(DimonaInRules.ExtraAtMostTwoDays, Declaring(Ordinary with { EndDate = Ordinary.StartDate.AddDays(2) }));

    // 00910-008 (FLX declared at most 31 days before its quarter). "Now" is 2026-11-27 10:00 in Brussels.

    [Fact]
    public void FlexiDeclaredAtMost31DaysBeforeQuarter_NextQuarter35DaysAhead_Blocks00910_008() =>
        Blocks(DimonaInRules.FlexiDeclaredAtMost31DaysBeforeQuarter, Declaring(Flexi with { StartDate = Date("2027-01-04"), EndDate = Date("2027-01-04") }),
            "00910-008", Field.StartDate);

    [Fact]
    public void FlexiDeclaredAtMost31DaysBeforeQuarter_LaterInTheCurrentQuarter_Silent() =>
        Silent(DimonaInRules.FlexiDeclaredAtMost31DaysBeforeQuarter, Declaring(Flexi with { StartDate = Date("2026-12-31"), EndDate = Date("2026-12-31") }));

    [Fact]
    public void FlexiDeclaredAtMost31DaysBeforeQuarter_32DaysBeforeTheQuarter_Blocks00910_008() =>
        Blocks(DimonaInRules.FlexiDeclaredAtMost31DaysBeforeQuarter,
            Declaring(Flexi with { StartDate = Date("2027-03-31"), EndDate = Date("2027-03-31") }) with { BrusselsNow = new DateTime(2026, 11, 30, 23, 59, 0) },
            "00910-008", Field.StartDate);

    [Fact]
    public void FlexiDeclaredAtMost31DaysBeforeQuarter_31DaysBeforeTheQuarter_Silent() =>
        Silent(DimonaInRules.FlexiDeclaredAtMost31DaysBeforeQuarter,
            Declaring(Flexi with { StartDate = Date("2027-03-31"), EndDate = Date("2027-03-31") }) with { BrusselsNow = new DateTime(2026, 12, 1, 0, 0, 0) });

    [Fact]
    public void FlexiDeclaredAtMost31DaysBeforeQuarter_OrdinaryNextQuarter_Silent() =>
        Silent(DimonaInRules.FlexiDeclaredAtMost31DaysBeforeQuarter, Declaring(Ordinary with { StartDate = Date("2027-01-04") }));

    // 00910-008 (O17, S17, T17 declared at most 15 days before the start). "Now" is 2026-11-27 10:00 in Brussels.

    [Theory]
    [InlineData(O17)]
    [InlineData(S17)]
    [InlineData(T17)]
    public void Article17DeclaredAtMost15DaysBefore_16DaysAhead_Blocks00910_008(WorkerType type) =>
        Blocks(DimonaInRules.Article17DeclaredAtMost15DaysBefore, Declaring(Article17(type, "2026-12-13")), "00910-008", Field.StartDate);

    [Theory]
    [InlineData(O17)]
    [InlineData(S17)]
    [InlineData(T17)]
    public void Article17DeclaredAtMost15DaysBefore_15DaysAhead_Silent(WorkerType type) =>
        Silent(DimonaInRules.Article17DeclaredAtMost15DaysBefore, Declaring(Article17(type, "2026-12-12")));

    [Fact]
    public void Article17DeclaredAtMost15DaysBefore_StudentMonthsAhead_Silent() =>
        Silent(DimonaInRules.Article17DeclaredAtMost15DaysBefore, Declaring(Student with { StartDate = Date("2027-04-01"), EndDate = Date("2027-04-30") }));

    // 01231-001, 00053-001: the block's mandatory fields, missing when the block itself is

    [Theory]
    [InlineData(IVT)]
    [InlineData(TRI)]
    [InlineData(STG)]
    public void EmploymentNatureRequired_SmallStatuteTypeWithoutBlock_Blocks01231_001(WorkerType type) =>
        Blocks(DimonaInRules.EmploymentNatureRequired, Declaring(Intern with { WorkerType = type, SmallStatutes = null }),
            "01231-001", Field.EmploymentNature);

    [Theory]
    [InlineData(IVT)]
    [InlineData(TRI)]
    [InlineData(STG)]
    public void InternTypeRequired_SmallStatuteTypeWithoutBlock_Blocks00053_001(WorkerType type) =>
        Blocks(DimonaInRules.InternTypeRequired, Declaring(Intern with { WorkerType = type, SmallStatutes = null }),
            "00053-001", Field.InternType);

    [Fact]
    public void EmploymentNatureRequired_StartingOn2020_01_01WithoutBlock_Blocks01231_001() =>
        Blocks(DimonaInRules.EmploymentNatureRequired, Declaring(IvtWithoutBlockFrom("2020-01-01")), "01231-001", Field.EmploymentNature);

    [Fact]
    public void InternTypeRequired_StartingOn2020_01_01WithoutBlock_Blocks00053_001() =>
        Blocks(DimonaInRules.InternTypeRequired, Declaring(IvtWithoutBlockFrom("2020-01-01")), "00053-001", Field.InternType);

    [Fact]
    public void EmploymentNatureRequired_IvtBefore2020WithoutBlock_Silent() =>
        Silent(DimonaInRules.EmploymentNatureRequired, Declaring(IvtWithoutBlockFrom("2019-12-31")));

    [Fact]
    public void InternTypeRequired_IvtBefore2020WithoutBlock_Silent() =>
        Silent(DimonaInRules.InternTypeRequired, Declaring(IvtWithoutBlockFrom("2019-12-31")));

    [Fact]
    public void EmploymentNatureRequired_BlockWithoutNature_Blocks01231_001() =>
        Blocks(DimonaInRules.EmploymentNatureRequired,
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = null, ActivityWithRisk = null } }),
            "01231-001", Field.EmploymentNature);

    [Fact]
    public void EmploymentNatureRequired_IvtBefore2020WithBlockWithoutNature_Blocks01231_001() =>
        Blocks(DimonaInRules.EmploymentNatureRequired,
            Declaring(IvtWithoutBlockFrom("2019-12-31") with { SmallStatutes = EmployeeF1 with { EmploymentNature = null, ActivityWithRisk = null } }),
            "01231-001", Field.EmploymentNature);

    [Theory]
    [InlineData(EmploymentNature.Employee)]
    [InlineData(EmploymentNature.Worker)]
    public void EmploymentNatureRequired_BlockWithNature_Silent(EmploymentNature nature) =>
        Silent(DimonaInRules.EmploymentNatureRequired,
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = nature, ActivityWithRisk = null } }));

    [Fact]
    public void InternTypeRequired_BlockWithoutInternType_Blocks00053_001() =>
        Blocks(DimonaInRules.InternTypeRequired, Declaring(Intern with { SmallStatutes = EmployeeF1 with { InternType = null } }),
            "00053-001", Field.InternType);

    [Theory]
    [InlineData(InternType.F1)]
    [InlineData(InternType.F2)]
    public void InternTypeRequired_BlockWithInternType_Silent(InternType internType) =>
        Silent(DimonaInRules.InternTypeRequired, Declaring(Intern with { SmallStatutes = EmployeeF1 with { InternType = internType } }));

    [Theory]
    [InlineData(OTH)]
    [InlineData(STU)]
    [InlineData(ALT)]
    public void NatureAndInternTypeRequired_OtherTypeWithoutBlock_Silent(WorkerType type)
    {
        var withoutBlock = Declaring(Student with { WorkerType = type });

        Silent(DimonaInRules.EmploymentNatureRequired, withoutBlock);
        Silent(DimonaInRules.InternTypeRequired, withoutBlock);
    }

    [Fact]
    public void Check_StgWithoutBlock_ReportsBothMissingFields() =>
        Assert.Equal(["00053-001", "01231-001"], CheckAll(Declaring(Intern with { SmallStatutes = null })).Select(a => a.Code).Order());

    // 01231-005, 00053-005: the block given for another worker type

    [Theory]
    [InlineData(OTH)]
    [InlineData(STU)]
    [InlineData(FLX)]
    [InlineData(ALT)]
    public void EmploymentNatureForbidden_OtherTypeWithBlock_Blocks01231_005(WorkerType type) =>
        Blocks(DimonaInRules.EmploymentNatureForbidden, Declaring(Student with { WorkerType = type, SmallStatutes = EmployeeF1 }),
            "01231-005", Field.EmploymentNature);

    [Theory]
    [InlineData(OTH)]
    [InlineData(STU)]
    [InlineData(FLX)]
    [InlineData(ALT)]
    public void InternTypeForbidden_OtherTypeWithBlock_Blocks00053_005(WorkerType type) =>
        Blocks(DimonaInRules.InternTypeForbidden, Declaring(Student with { WorkerType = type, SmallStatutes = EmployeeF1 }),
            "00053-005", Field.InternType);

    [Theory]
    [InlineData(IVT)]
    [InlineData(TRI)]
    [InlineData(STG)]
    public void NatureAndInternTypeForbidden_SmallStatuteTypeWithBlock_Silent(WorkerType type)
    {
        var withBlock = Declaring(Intern with { WorkerType = type });

        Silent(DimonaInRules.EmploymentNatureForbidden, withBlock);
        Silent(DimonaInRules.InternTypeForbidden, withBlock);
    }

    [Fact]
    public void NatureAndInternTypeForbidden_OtherTypeWithoutBlock_Silent()
    {
        Silent(DimonaInRules.EmploymentNatureForbidden, Declaring(Ordinary));
        Silent(DimonaInRules.InternTypeForbidden, Declaring(Ordinary));
    }

    [Fact]
    public void Check_EmptyBlockOnAnOrdinaryWorker_ReportsOnlyThatTheBlockIsForbidden() =>
        Assert.Equal(["00053-005", "01231-005"], CheckAll(Declaring(Ordinary with { SmallStatutes = new SmallStatutes(null, "001", null) }))
            .Select(a => a.Code).Order());

    [Fact]
    public void ActivityRiskMatchesNature_NoBlock_Silent() =>
        Silent(DimonaInRules.ActivityRiskMatchesNature, Declaring(Intern with { SmallStatutes = null }));

    // 00041-521

    [Theory]
    [InlineData(EmploymentNature.Worker, "401")]
    [InlineData(EmploymentNature.Worker, "412")]
    [InlineData(EmploymentNature.Employee, "001")]
    [InlineData(EmploymentNature.Employee, "006")]
    public void ActivityRiskMatchesNature_RiskOfTheOtherNature_Blocks00041_521(EmploymentNature nature, string risk) =>
        Blocks(DimonaInRules.ActivityRiskMatchesNature,
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = nature, ActivityWithRisk = risk } }),
            "00041-521", Field.ActivityWithRisk);

    [Fact]
    public void ActivityRiskMatchesNature_WorkerWith401_MessageNamesBothNatures()
    {
        var anomaly = Blocks(DimonaInRules.ActivityRiskMatchesNature,
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = EmploymentNature.Worker } }),
            "00041-521", Field.ActivityWithRisk);

        Assert.Contains("401", anomaly.Message, StringComparison.Ordinal);
        Assert.Contains("EMPLOYEE", anomaly.Message, StringComparison.Ordinal);
        Assert.Contains("WORKER", anomaly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmploymentNature.Worker, "001")]
    [InlineData(EmploymentNature.Worker, "006")]
    [InlineData(EmploymentNature.Employee, "401")]
    [InlineData(EmploymentNature.Employee, "412")]
    [InlineData(EmploymentNature.Employee, null)]
    public void ActivityRiskMatchesNature_RiskOfTheSameNatureOrNone_Silent(EmploymentNature nature, string? risk) =>
        Silent(DimonaInRules.ActivityRiskMatchesNature,
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = nature, ActivityWithRisk = risk } }));

    // 00776-005 (the place of work only for students)

    [Theory]
    [InlineData(OTH)]
    [InlineData(FLX)]
    [InlineData(O17)]
    public void PlaceOfWorkOnlyForStudents_OtherTypeWithPlaceOfWork_Blocks00776_005(WorkerType type) =>
        Blocks(DimonaInRules.PlaceOfWorkOnlyForStudents, Declaring(Student with { WorkerType = type, PlaceOfWork = Shop }),
            "00776-005", Field.StudentPlaceOfWork);

    [Fact]
    public void PlaceOfWorkOnlyForStudents_StudentWithPlaceOfWork_Silent() =>
        Silent(DimonaInRules.PlaceOfWorkOnlyForStudents, Declaring(Student with { PlaceOfWork = Shop }));

    [Fact]
    public void PlaceOfWorkOnlyForStudents_OrdinaryWithout_Silent() =>
        Silent(DimonaInRules.PlaceOfWorkOnlyForStudents, Declaring(Ordinary));

    // 90107-351, 90107-352 (the user company in joint committee 322)

    [Fact]
    public void UserCompanyRequired_Committee322WithoutUserCompany_Blocks90107_351() =>
        Blocks(DimonaInRules.UserCompanyRequired, Declaring(AgencyWorker with { UserCompany = null }), "90107-351", Field.UserCompany);

    [Fact]
    public void UserCompanyRequired_Committee322WithAnAddressOnly_Blocks90107_351() =>
        Blocks(DimonaInRules.UserCompanyRequired,
            Declaring(AgencyWorker with { UserCompany = UserCompanyByName with { Name = null } }), "90107-351", Field.UserCompany);

    [Fact]
    public void UserCompanyRequired_Committee322WithEnterpriseNumber_Silent() =>
        Silent(DimonaInRules.UserCompanyRequired, Declaring(AgencyWorker));

    [Fact]
    public void UserCompanyRequired_Committee322WithName_Silent() =>
        Silent(DimonaInRules.UserCompanyRequired, Declaring(AgencyWorker with { UserCompany = UserCompanyByName }));

    [Fact]
    public void UserCompanyRequired_OtherCommitteeWithoutUserCompany_Silent() =>
        Silent(DimonaInRules.UserCompanyRequired, Declaring(AgencyWorker with { JointCommittee = "XXX", UserCompany = null }));

    [Fact]
    public void UserCompanyNumberOrName_Committee322WithBoth_Blocks90107_352() =>
        Blocks(DimonaInRules.UserCompanyNumberOrName,
            Declaring(AgencyWorker with { UserCompany = UserCompanyByName with { EnterpriseNumber = UserCompanyByNumber.EnterpriseNumber } }),
            "90107-352", Field.UserCompany);

    [Fact]
    public void UserCompanyNumberOrName_Committee322WithOne_Silent()
    {
        Silent(DimonaInRules.UserCompanyNumberOrName, Declaring(AgencyWorker));
        Silent(DimonaInRules.UserCompanyNumberOrName, Declaring(AgencyWorker with { UserCompany = UserCompanyByName }));
    }

    [Fact]
    public void Check_WellFormedAgencyWorker_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(AgencyWorker)));

    // 00663-001 (the first month's construction control card)

    [Theory]
    [InlineData("124", OTH)]
    [InlineData("124", BCW)]
    [InlineData("322", BCW)]
    public void ConstructionCardRequired_WithoutCard_Blocks00663_001(string committee, WorkerType type) =>
        Blocks(DimonaInRules.ConstructionCardRequired, Declaring(AgencyWorker with { JointCommittee = committee, WorkerType = type }),
            "00663-001", Field.FirstMonthC32ANumber);

    [Theory]
    [InlineData("124", OTH)]
    [InlineData("322", BCW)]
    public void ConstructionCardRequired_WithCard_Silent(string committee, WorkerType type) =>
        Silent(DimonaInRules.ConstructionCardRequired,
            Declaring(AgencyWorker with { JointCommittee = committee, WorkerType = type, FirstMonthC32ANumber = ControlCard }));

    [Theory]
    [InlineData("322", OTH)]
    [InlineData("XXX", BCW)]
    public void ConstructionCardRequired_OtherCommitteeOrType_Silent(string committee, WorkerType type) =>
        Silent(DimonaInRules.ConstructionCardRequired, Declaring(AgencyWorker with { JointCommittee = committee, WorkerType = type }));

    // 01135-001, 01135-005, 01135-003

    [Theory]
    [InlineData(STU)]
    [InlineData(O17)]
    [InlineData(S17)]
    public void PlannedHoursRequired_TypeWithoutPlannedHours_Blocks01135_001(WorkerType type) =>
        Blocks(DimonaInRules.PlannedHoursRequired, Declaring(Student with { WorkerType = type, PlannedHours = null }),
            "01135-001", Field.PlannedHours);

    [Theory]
    [InlineData(STU)]
    [InlineData(O17)]
    [InlineData(S17)]
    public void PlannedHoursRequired_TypeWithPlannedHours_Silent(WorkerType type) =>
        Silent(DimonaInRules.PlannedHoursRequired, Declaring(Student with { WorkerType = type }));

    [Fact]
    public void PlannedHoursRequired_OrdinaryWithoutPlannedHours_Silent() =>
        Silent(DimonaInRules.PlannedHoursRequired, Declaring(Ordinary));

    [Theory]
    [InlineData(OTH)]
    [InlineData(FLX)]
    [InlineData(EXT)]
    [InlineData(STG)]
    [InlineData(T17)]
    public void PlannedHoursForbidden_OtherTypeWithPlannedHours_Blocks01135_005(WorkerType type) =>
        Blocks(DimonaInRules.PlannedHoursForbidden, Declaring(Student with { WorkerType = type }), "01135-005", Field.PlannedHours);

    [Theory]
    [InlineData(STU)]
    [InlineData(O17)]
    [InlineData(S17)]
    public void PlannedHoursForbidden_TypeWithPlannedHours_Silent(WorkerType type) =>
        Silent(DimonaInRules.PlannedHoursForbidden, Declaring(Student with { WorkerType = type }));

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1000)]
    public void PlannedHoursInRange_OutsideOneTo999_Blocks01135_003(int hours) =>
        Blocks(DimonaInRules.PlannedHoursInRange, Declaring(Student with { PlannedHours = hours }), "01135-003", Field.PlannedHours);

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void PlannedHoursInRange_AtTheBounds_Silent(int hours) =>
        Silent(DimonaInRules.PlannedHoursInRange, Declaring(Student with { PlannedHours = hours }));

    // 90373-333, 90373-334

    [Fact]
    public void IdenticalPeriod_SamePeriodAlreadyDeclared_Blocks90373_333NamingIt()
    {
        var existing = PeriodLike(Student);

        var anomaly = Blocks(DimonaInRules.IdenticalPeriod, Declaring(Student, existing), "90373-333", Field.DimonaIn);

        Assert.Contains(existing.Id.Value, anomaly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdenticalPeriod_SamePeriodWithHoursAlreadyDeclared_Blocks90373_333()
    {
        var flexiDay = Ordinary with { WorkerType = FLX, EndDate = Ordinary.StartDate, StartHour = Hour("18:00"), EndHour = Hour("23:00") };

        Blocks(DimonaInRules.IdenticalPeriod, Declaring(flexiDay, PeriodLike(flexiDay)), "90373-333", Field.DimonaIn);
    }

    [Fact]
    public void IdenticalPeriod_NoExistingPeriod_Silent() =>
        Silent(DimonaInRules.IdenticalPeriod, Declaring(Student));

    [Fact]
    public void IdenticalPeriod_SameDatesInAnotherJointCommittee_Silent() =>
        Silent(DimonaInRules.IdenticalPeriod, Declaring(Student, PeriodLike(Student with { JointCommittee = "302" })));

    [Fact]
    public void IdenticalPeriod_SameDatesWithAnotherWorkerType_Silent() =>
        Silent(DimonaInRules.IdenticalPeriod, Declaring(Student, PeriodLike(Student with { WorkerType = OTH })));

    [Fact]
    public void IdenticalPeriod_SameDatesWithOtherHours_Silent() =>
        Silent(DimonaInRules.IdenticalPeriod, Declaring(Student, PeriodLike(Student with { StartHour = Hour("08:00") })));

    [Fact]
    public void IdenticalPeriod_SameStartButOtherEnd_Silent() =>
        Silent(DimonaInRules.IdenticalPeriod, Declaring(Student, PeriodLike(Student with { EndDate = Date("2026-12-15") })));

    [Fact]
    public void OverlappingPeriod_OpenEndedPeriodStartedEarlier_Blocks90373_334NamingIt()
    {
        var existing = PeriodLike(Ordinary with { StartDate = Date("2025-01-01") });

        var anomaly = Blocks(DimonaInRules.OverlappingPeriod, Declaring(Ordinary, existing), "90373-334", Field.DimonaIn);

        Assert.Contains(existing.Id.Value, anomaly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-12-01")] // ends on the new start
    [InlineData("2026-12-31", "2027-01-31")] // starts on the new end
    [InlineData("2026-12-10", "2026-12-20")] // inside
    [InlineData("2026-12-01", "2026-12-15")] // same start, other end
    public void OverlappingPeriod_DatesOverlap_Blocks90373_334(string start, string end) =>
        Blocks(DimonaInRules.OverlappingPeriod,
            Declaring(Student, PeriodLike(Student with { StartDate = Date(start), EndDate = Date(end) })), "90373-334", Field.DimonaIn);

    [Fact]
    public void OverlappingPeriod_NewOpenEndedAfterOpenEnded_Blocks90373_334() =>
        Blocks(DimonaInRules.OverlappingPeriod,
            Declaring(Ordinary, PeriodLike(Ordinary with { StartDate = Date("2026-06-01") })), "90373-334", Field.DimonaIn);

    [Theory]
    [InlineData("2026-11-01", "2026-11-30")] // ends the day before
    [InlineData("2027-01-01", "2027-01-31")] // starts the day after
    public void OverlappingPeriod_AdjacentPeriod_Silent(string start, string end) =>
        Silent(DimonaInRules.OverlappingPeriod, Declaring(Student, PeriodLike(Student with { StartDate = Date(start), EndDate = Date(end) })));

    [Fact]
    public void OverlappingPeriod_IdenticalPeriod_SilentAsReportedBy90373_333() =>
        Silent(DimonaInRules.OverlappingPeriod, Declaring(Student, PeriodLike(Student)));

    [Fact]
    public void OverlappingPeriod_OverlapInAnotherJointCommittee_Silent() =>
        Silent(DimonaInRules.OverlappingPeriod,
            Declaring(Ordinary, PeriodLike(Ordinary with { StartDate = Date("2025-01-01"), JointCommittee = "124" })));

    [Fact]
    public void OverlappingPeriod_OverlapWithAnotherWorkerType_Silent() =>
        Silent(DimonaInRules.OverlappingPeriod,
            Declaring(Ordinary, PeriodLike(Ordinary with { StartDate = Date("2025-01-01"), WorkerType = FLX })));

    [Fact]
    public void OverlappingPeriod_SameDayShiftEndingAMinuteAfterTheNewStarts_Blocks90373_334() =>
        Blocks(DimonaInRules.OverlappingPeriod,
            Declaring(Flexi, PeriodLike(Flexi with { StartHour = Hour("12:00"), EndHour = Hour("18:01") })), "90373-334", Field.DimonaIn);

    [Fact]
    public void OverlappingPeriod_SameDayShiftEndingWhenTheNewStarts_Silent() =>
        Silent(DimonaInRules.OverlappingPeriod, Declaring(Flexi, PeriodLike(Flexi with { StartHour = Hour("12:00"), EndHour = Hour("18:00") })));

    [Fact]
    public void Check_TwoSameDayShiftsApart_BothStand() =>
        Assert.Empty(CheckAll(Declaring(Flexi, PeriodLike(Flexi with { StartHour = Hour("08:00"), EndHour = Hour("12:00") }))));

    [Fact]
    public void Check_IdenticalPeriod_ReportsDuplicateNotOverlap()
    {
        var codes = CheckAll(Declaring(Student, PeriodLike(Student))).Select(a => a.Code).ToList();

        Assert.Contains("90373-333", codes);
        Assert.DoesNotContain("90373-334", codes);
    }

    // 90017-369 (student quota: warning). QuotaHoursBefore stands for the hours of the worker's other periods that
    // year, at any employer.

    [Theory]
    [InlineData("2022-12-31", 475)]
    [InlineData("2023-01-01", 600)]
    [InlineData("2024-12-31", 600)]
    [InlineData("2025-01-01", 650)]
    [InlineData("2026-12-01", 650)]
    public void StudentHoursWithinQuota_OneHourOverTheYearsQuota_Warns90017_369(string start, int quota)
    {
        var anomaly = Warns(DimonaInRules.StudentHoursWithinQuota, Declaring(StudentOn(start, 40)) with { QuotaHoursBefore = quota - 39 },
            "90017-369", Field.PlannedHours);

        Assert.Contains("1 of the 40 planned hours", anomaly.Message, StringComparison.Ordinal);
        Assert.Contains($"{quota} hours", anomaly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-12-31", 475)]
    [InlineData("2023-01-01", 600)]
    [InlineData("2024-12-31", 600)]
    [InlineData("2025-01-01", 650)]
    [InlineData("2026-12-01", 650)]
    public void StudentHoursWithinQuota_ReachingTheYearsQuota_Silent(string start, int quota) =>
        Silent(DimonaInRules.StudentHoursWithinQuota, Declaring(StudentOn(start, 40)) with { QuotaHoursBefore = quota - 40 });

    [Fact]
    public void StudentHoursWithinQuota_SameHoursAcrossNewYear_WarnsIn2024Only()
    {
        Warns(DimonaInRules.StudentHoursWithinQuota, Declaring(StudentOn("2024-12-31", 20)) with { QuotaHoursBefore = 590 }, "90017-369", Field.PlannedHours);
        Silent(DimonaInRules.StudentHoursWithinQuota, Declaring(StudentOn("2025-01-01", 20)) with { QuotaHoursBefore = 590 });
    }

    [Fact]
    public void StudentHoursWithinQuota_HoursAtOtherEmployersTakeItOver_Warns90017_369ReportingOnlyTheHoursOver()
    {
        // No period with this employer: the 630 hours before are other employers'.
        var anomaly = Warns(DimonaInRules.StudentHoursWithinQuota, Declaring(Student) with { QuotaHoursBefore = 630 }, "90017-369", Field.PlannedHours);

        Assert.Contains("20 of the 40 planned hours", anomaly.Message, StringComparison.Ordinal);
        Assert.Contains("630 hours were already declared", anomaly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StudentHoursWithinQuota_QuotaAlreadyExceeded_Warns90017_369WithAllOfThisInsHours()
    {
        var anomaly = Warns(DimonaInRules.StudentHoursWithinQuota, Declaring(Student) with { QuotaHoursBefore = 700 }, "90017-369", Field.PlannedHours);

        Assert.Contains("40 of the 40 planned hours", anomaly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StudentHoursWithinQuota_WithoutPlannedHours_SilentAsReportedBy01135_001() =>
        Silent(DimonaInRules.StudentHoursWithinQuota, Declaring(Student with { PlannedHours = null }) with { QuotaHoursBefore = 700 });

    [Theory]
    [InlineData(O17)]
    [InlineData(S17)]
    public void StudentHoursWithinQuota_Article17Type_Silent(WorkerType type) =>
        Silent(DimonaInRules.StudentHoursWithinQuota, Declaring(Student with { WorkerType = type }) with { QuotaHoursBefore = 700 });

    [Fact]
    public void Check_StudentOverQuota_IsAcceptedWithWarning()
    {
        var anomalies = CheckAll(Declaring(Student) with { QuotaHoursBefore = 640 });

        Assert.Equal([("90017-369", Severity.Warning)], anomalies.Select(a => (a.Code, a.Severity)));
        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, DeclarationResult.StatusOf(anomalies, workerIdentified: true));
    }

    // 90017-369 (article 17 quota, O17 and S17 together: blocking)

    [Theory]
    [InlineData(O17, "2022-03-01")]
    [InlineData(S17, "2022-03-01")]
    [InlineData(O17, "2026-12-01")]
    [InlineData(S17, "2026-12-01")]
    public void Article17HoursWithinQuota_OneHourOver300_Blocks90017_369(WorkerType type, string start)
    {
        var anomaly = Blocks(DimonaInRules.Article17HoursWithinQuota,
            Declaring(StudentOn(start, 40) with { WorkerType = type }) with { QuotaHoursBefore = 261 }, "90017-369", Field.PlannedHours);

        Assert.Contains("1 of the 40 planned hours", anomaly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(O17)]
    [InlineData(S17)]
    public void Article17HoursWithinQuota_Reaching300_Silent(WorkerType type) =>
        Silent(DimonaInRules.Article17HoursWithinQuota, Declaring(Student with { WorkerType = type }) with { QuotaHoursBefore = 260 });

    [Fact]
    public void Article17HoursWithinQuota_HoursAtOtherEmployersTakeItOver_Blocks90017_369ReportingOnlyTheHoursOver()
    {
        var anomaly = Blocks(DimonaInRules.Article17HoursWithinQuota,
            Declaring(Student with { WorkerType = S17 }) with { QuotaHoursBefore = 290 }, "90017-369", Field.PlannedHours);

        Assert.Contains("30 of the 40 planned hours", anomaly.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(STU)]
    [InlineData(T17)]
    public void Article17HoursWithinQuota_OtherType_Silent(WorkerType type) =>
        Silent(DimonaInRules.Article17HoursWithinQuota, Declaring(Student with { WorkerType = type }) with { QuotaHoursBefore = 290 });

    [Fact]
    public void Check_Article17OverQuota_IsRefused()
    {
        var anomalies = CheckAll(Declaring(Student with { WorkerType = O17 }) with { QuotaHoursBefore = 290 });

        Assert.Equal([("90017-369", Severity.Blocking)], anomalies.Select(a => (a.Code, a.Severity)));
        Assert.Equal(DeclarationStatus.Refused, DeclarationResult.StatusOf(anomalies, workerIdentified: true));
    }

    // 90373-460 (warning). "Now" is 2026-11-27 10:00 in Brussels.

    [Theory]
    [InlineData("2026-11-26", null)]
    [InlineData("2026-11-26", "23:00")]
    [InlineData("2026-11-27", "09:59")]
    public void LateDeclaration_WorkAlreadyStarted_Warns90373_460(string start, string? hour) =>
        Warns(DimonaInRules.LateDeclaration,
            Declaring(Ordinary with { StartDate = Date(start), StartHour = hour is null ? null : Hour(hour) }), "90373-460", Field.StartDate);

    [Theory]
    [InlineData("2026-11-27", null)]
    [InlineData("2026-11-27", "10:00")]
    [InlineData("2026-11-27", "10:01")]
    [InlineData("2026-11-28", "00:00")]
    [InlineData("2026-12-01", null)]
    public void LateDeclaration_WorkNotStartedYet_Silent(string start, string? hour) =>
        Silent(DimonaInRules.LateDeclaration, Declaring(Ordinary with { StartDate = Date(start), StartHour = hour is null ? null : Hour(hour) }));

    // Check: all the rules together

    [Fact]
    public void Check_WellFormedOrdinaryWorker_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(Ordinary)));

    [Fact]
    public void Check_WellFormedStudent_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(Student)));

    [Fact]
    public void Check_NightShiftExtra_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(Extra)));

    [Fact]
    public void Check_OneDayFlexi_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(Flexi)));

    [Fact]
    public void Check_CompleteStgFromDefinitiveEmployer_NoAnomaly() =>
        Assert.Empty(CheckAll(Declaring(Intern)));

    [Fact]
    public void Check_StgFromProvisionalOnlyEmployer_Contains90256_151()
    {
        var anomalies = CheckAll(Declaring(Intern) with { Employer = ProvisionalEmployer });

        var anomaly = Assert.Single(anomalies);
        Assert.Equal(("90256-151", Severity.Blocking, Field.Employer), (anomaly.Code, anomaly.Severity, anomaly.Field));
    }

    [Fact]
    public void Check_SeveralBrokenRules_ReportsEveryAnomalyInRuleOrder()
    {
        var check = Declaring(Student with { EndDate = null, PlannedHours = null, StartDate = Date("2026-11-20") }) with { Employer = InactiveEmployer };

        var codes = CheckAll(check).Select(a => a.Code);

        Assert.Equal(["90373-343", "00911-001", "01135-001", "90373-460"], codes);
    }

    [Fact]
    public void Check_LateButOtherwiseValid_OnlyTheWarning()
    {
        var anomaly = Assert.Single(CheckAll(Declaring(Ordinary with { StartDate = Date("2026-11-20") })));

        Assert.Equal(("90373-460", Severity.Warning), (anomaly.Code, anomaly.Severity));
    }

    [Fact]
    public void Stateless_EveryPublicRuleOnInCheck_IsListedOnce() =>
        Assert.Equal(RuleMethods(typeof(InCheck)), DimonaInRules.Stateless.Select(rule => rule.Method.Name).Order());

    [Fact]
    public void PeriodShape_IsTheStatelessRulesOnDatesHoursAndPlannedHours()
    {
        // The others are about the IN's own data (committee, NISS, small statutes, place of work, user company, control
        // card) or about when it was sent (late), which an OUT or UPDATE does not change. WorkerTypeAvailableFrom and
        // RetiredWorkerType read the start date, which an UPDATE may move: they are part of the shape.
        string[] notAboutTheShape =
        [
            nameof(DimonaInRules.JointCommitteeRequired), nameof(DimonaInRules.JointCommitteeKnown), nameof(DimonaInRules.JointCommitteeMatchesWorkerType),
            nameof(DimonaInRules.ExtraNissRequired),
            nameof(DimonaInRules.EmploymentNatureRequired), nameof(DimonaInRules.InternTypeRequired), nameof(DimonaInRules.EmploymentNatureForbidden),
            nameof(DimonaInRules.InternTypeForbidden), nameof(DimonaInRules.ActivityRiskMatchesNature), nameof(DimonaInRules.PlaceOfWorkOnlyForStudents),
            nameof(DimonaInRules.UserCompanyRequired), nameof(DimonaInRules.UserCompanyNumberOrName), nameof(DimonaInRules.ConstructionCardRequired),
            nameof(DimonaInRules.LateDeclaration),
        ];

        Assert.Equal(
            DimonaInRules.Stateless.Select(rule => rule.Method.Name).Except(notAboutTheShape),
            DimonaInRules.PeriodShape.Select(rule => rule.Method.Name));
    }

    [Fact]
    public void Stateful_EveryPublicRuleOnInFacts_IsListedOnce() =>
        Assert.Equal(RuleMethods(typeof(InFacts)), DimonaInRules.Stateful.Select(rule => rule.Method.Name).Order());

    /// <summary>A one-day student on <paramref name="day"/> with <paramref name="plannedHours"/>.</summary>
    private static DimonaIn StudentOn(string day, int plannedHours) =>
        Student with { StartDate = Date(day), EndDate = Date(day), PlannedHours = plannedHours };

    /// <summary>A one-day O17, S17 or T17 on <paramref name="day"/>, with planned hours where the type needs them.</summary>
    private static DimonaIn Article17(WorkerType type, string day) =>
        Student with { WorkerType = type, StartDate = Date(day), EndDate = Date(day), PlannedHours = type == T17 ? null : 8 };

    /// <summary>An IVT from <paramref name="start"/> to 2020-06-30 without the small-statutes block.</summary>
    private static DimonaIn IvtWithoutBlockFrom(string start) =>
        Intern with { WorkerType = IVT, StartDate = Date(start), EndDate = Date("2020-06-30"), SmallStatutes = null };

    private static IEnumerable<string> RuleMethods(Type parameter) => typeof(DimonaInRules).GetMethods()
        .Where(m => m.IsStatic && m.ReturnType == typeof(Anomaly) && m.GetParameters() is [{ ParameterType: var p }] && p == parameter)
        .Select(m => m.Name)
        .Order();
}
