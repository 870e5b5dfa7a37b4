using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;
using static Dimona.Grpc.Domain.WorkerType;
using static Dimona.Grpc.Tests.Domain.InChecks;

namespace Dimona.Grpc.Tests.Domain;

/// <summary>
/// Every code the rules produce, found by running them on crafted declarations, is an official code with
/// the official severity (dimona-anomalies.tsv), with one exception: <see cref="Article17QuotaOverrun"/>.
/// </summary>
public class AnomalyCatalogueTests
{
    /// <summary>
    /// 90017-369, "quota exceeded", is non-blocking (NP) in the official list: the students' quota. The article 17
    /// quota (O17, S17) is blocking by the domain's rule, so the same code refuses there.
    /// </summary>
    private static readonly (string Code, Severity Severity) Article17QuotaOverrun = ("90017-369", Severity.Blocking);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Catalogue = new(LoadCatalogue);

    /// <summary>Case name → a declaration that breaks a rule, and the code it must raise.</summary>
    private static readonly Dictionary<string, (Declared Check, string Code)> Cases = new()
    {
        ["inactive employer"] = (Declaring(Ordinary) with { Employer = InactiveEmployer }, "90373-343"),
        ["STG of provisional employer"] = (Declaring(Intern) with { Employer = ProvisionalEmployer }, "90256-151"),
        ["no joint committee"] = (Declaring(Ordinary with { JointCommittee = "" }), "00046-001"),
        ["unknown joint committee"] = (Declaring(Ordinary with { JointCommittee = "200" }), "00046-003"),
        ["EXT in XXX"] = (Declaring(Ordinary with { WorkerType = EXT, EndDate = Ordinary.StartDate }), "90374-349"),
        ["start 1919"] = (Declaring(Ordinary with { StartDate = Date("1919-12-31") }), "00910-008"),
        ["STG in 2019"] = (Declaring(Intern with { StartDate = Date("2019-12-31") }), "00910-008"),
        ["end 1998"] = (Declaring(Ordinary with { StartDate = Date("1998-01-01"), EndDate = Date("1998-12-31") }), "00911-008"),
        ["T17 two days"] = (Declaring(Ordinary with { WorkerType = T17, EndDate = Date("2026-12-02") }), "00911-008"),
        ["end before start"] = (Declaring(Ordinary with { EndDate = Date("2026-11-30") }), "00911-014"),
        ["end hour before start hour"] = (
            Declaring(Ordinary with { EndDate = Ordinary.StartDate, StartHour = Hour("14:00"), EndHour = Hour("13:00") }), "00778-345"),
        ["student without end"] = (Declaring(Student with { EndDate = null }), "00911-001"),
        ["retired TEA"] = (Declaring(Ordinary with { WorkerType = TEA }), "00655-005"),
        ["student over two quarters"] = (Declaring(Student with { EndDate = Date("2027-01-15") }), "90373-421"),
        ["EXT without NISS"] = (Declaring(Extra) with { Worker = UnidentifiedWorker }, "00024-001"),
        ["EXT without start hour"] = (Declaring(Extra with { StartHour = null }), "00777-001"),
        ["one-day FLX without end hour"] = (Declaring(Flexi with { EndHour = null }), "00778-001"),
        ["EXT of 25 hours"] = (Declaring(Extra with { EndHour = Hour("19:00") }), "90373-341"),
        ["EXT over three days"] = (Declaring(Extra with { EndDate = Date("2026-12-03") }), "00910-459"),
        ["FLX next quarter, too early"] = (Declaring(Flexi with { StartDate = Date("2027-01-04"), EndDate = Date("2027-01-04") }), "00910-008"),
        ["O17 16 days ahead"] = (Declaring(Student with { WorkerType = O17, StartDate = Date("2026-12-13") }), "00910-008"),
        ["STG without small statutes: nature"] = (Declaring(Intern with { SmallStatutes = null }), "01231-001"),
        ["STG without small statutes: intern type"] = (Declaring(Intern with { SmallStatutes = null }), "00053-001"),
        ["OTH with small statutes: nature"] = (Declaring(Ordinary with { SmallStatutes = EmployeeF1 }), "01231-005"),
        ["OTH with small statutes: intern type"] = (Declaring(Ordinary with { SmallStatutes = EmployeeF1 }), "00053-005"),
        ["no employment nature"] = (
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = null, ActivityWithRisk = null } }), "01231-001"),
        ["no intern type"] = (Declaring(Intern with { SmallStatutes = EmployeeF1 with { InternType = null } }), "00053-001"),
        ["WORKER with 401"] = (
            Declaring(Intern with { SmallStatutes = EmployeeF1 with { EmploymentNature = EmploymentNature.Worker } }), "00041-521"),
        ["OTH with a place of work"] = (Declaring(Ordinary with { PlaceOfWork = Shop }), "00776-005"),
        ["322 without user company"] = (Declaring(AgencyWorker with { UserCompany = null }), "90107-351"),
        ["322 with number and name"] = (
            Declaring(AgencyWorker with { UserCompany = UserCompanyByName with { EnterpriseNumber = UserCompanyByNumber.EnterpriseNumber } }), "90107-352"),
        ["124 without control card"] = (Declaring(Ordinary with { JointCommittee = "124" }), "00663-001"),
        ["student without hours"] = (Declaring(Student with { PlannedHours = null }), "01135-001"),
        ["OTH with hours"] = (Declaring(Ordinary with { PlannedHours = 10 }), "01135-005"),
        ["student with 1000 hours"] = (Declaring(Student with { PlannedHours = 1000 }), "01135-003"),
        ["identical period"] = (Declaring(Student, PeriodLike(Student)), "90373-333"),
        ["overlapping period"] = (Declaring(Ordinary, PeriodLike(Ordinary with { StartDate = Date("2025-01-01") })), "90373-334"),
        ["student over quota"] = (Declaring(Student) with { QuotaHoursBefore = 640 }, "90017-369"),
        ["O17 over quota"] = (Declaring(Student with { WorkerType = O17 }) with { QuotaHoursBefore = 290 }, "90017-369"),
        ["late declaration"] = (Declaring(Ordinary with { StartDate = Date("2026-11-20") }), "90373-460"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Check_CraftedCase_RaisesItsCode(string caseName)
    {
        var (check, code) = Cases[caseName];

        Assert.Contains(code, CheckAll(check).Select(a => a.Code));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Check_CraftedCase_EveryAnomalyIsOfficialWithItsSeverity(string caseName)
    {
        foreach (var anomaly in CheckAll(Cases[caseName].Check))
        {
            Assert.True(Catalogue.Value.TryGetValue(anomaly.Code, out var severity), $"{anomaly.Code} is not in dimona-anomalies.tsv");
            if ((anomaly.Code, anomaly.Severity) != Article17QuotaOverrun)
            {
                Assert.Equal(severity, OfficialSeverity(anomaly.Severity));
            }
        }
    }

    [Fact]
    public void Cases_EveryRule_FiresInAtLeastOneCase()
    {
        var silentRules = DimonaInRules.Stateless
            .Where(rule => !Cases.Values.Any(c => rule(c.Check) is not null))
            .Select(rule => rule.Method.Name)
            .Concat(DimonaInRules.Stateful
                .Where(rule => !Cases.Values.Any(c => rule(c.Check) is not null))
                .Select(rule => rule.Method.Name));

        Assert.Empty(silentRules);
    }

    [Fact]
    public void Check_CraftedCases_OnlyTheArticle17QuotaDiffersFromTheOfficialSeverity()
    {
        var differing = Cases.Values.SelectMany(c => CheckAll(c.Check))
            .Where(a => Catalogue.Value.TryGetValue(a.Code, out var severity) && severity != OfficialSeverity(a.Severity))
            .Select(a => (a.Code, a.Severity))
            .Distinct();

        Assert.Equal([Article17QuotaOverrun], differing);
    }

    [Fact]
    public void Article17QuotaOverrun_IsAWarningInTheOfficialList_AndOnlyArticle17BlocksWithIt()
    {
        Assert.Equal("NP", Catalogue.Value[Article17QuotaOverrun.Code]);
        Assert.Contains(CheckAll(Cases["O17 over quota"].Check), a => (a.Code, a.Severity) == Article17QuotaOverrun);
        Assert.Contains(CheckAll(Cases["student over quota"].Check), a => (a.Code, a.Severity) == (Article17QuotaOverrun.Code, Severity.Warning));
    }

    [Fact]
    public void Catalogue_EveryLine_HasAUniqueCodeAndASeverity()
    {
        var lines = File.ReadAllLines(CataloguePath).Skip(1).Where(line => line.Length > 0).ToList();

        Assert.All(lines, line => Assert.Matches(@"^\d{5}-\d{3}\t(B|NP)\t[^\t]+\t[^\t]+$", line));
        Assert.Equal(lines.Count, Catalogue.Value.Count);
    }

    private static string OfficialSeverity(Severity severity) => severity switch
    {
        Severity.Blocking => "B",
        Severity.Warning => "NP",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static string CataloguePath => Path.Combine(AppContext.BaseDirectory, "dimona-anomalies.tsv");

    private static IReadOnlyDictionary<string, string> LoadCatalogue()
    {
        var catalogue = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(CataloguePath).Skip(1).Where(line => line.Length > 0))
        {
            var columns = line.Split('\t');
            catalogue.TryAdd(columns[0], columns[1]);
        }
        return catalogue;
    }
}
