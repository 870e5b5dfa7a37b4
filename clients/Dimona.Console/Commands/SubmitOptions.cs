using System.CommandLine;
using Dimona.Console.Codes;
using Dimona.Console.Requests;

namespace Dimona.Console.Commands;

/// <summary>The options of <c>dimona submit</c> that describe a Dimona IN, read into a <see cref="SubmitInput"/>.</summary>
internal sealed class SubmitOptions
{
    private readonly Option<string> requestId = Text("--request-id", "uuid", "Request id that makes a retry safe (default: a new UUID)");
    private readonly EmployerOptions employer = new();
    private readonly Option<string> niss = Text("--niss", "niss", "Worker's NISS, 11 digits, e.g. 93051822361");
    private readonly Option<string> familyName = Text("--family-name", "name", "Worker without NISS: family name");
    private readonly Option<string> givenName = Text("--given-name", "name", "Worker without NISS: given name");
    private readonly Option<string> birthDate = Text("--birth-date", "yyyy-mm-dd", "Worker without NISS: birth date");
    private readonly Option<string> birthPlace = Text("--birth-place", "place", "Worker without NISS: birth place");
    private readonly Option<string> birthCountry = Text("--birth-country", "cc", "Worker without NISS: birth country, ISO code, e.g. BE");
    private readonly Option<string> sex = Text("--sex", "male|female", "Worker without NISS: sex");
    private readonly Option<string> nationality = Text("--nationality", "cc", "Worker without NISS: nationality, ISO code, e.g. BE");
    private readonly AddressOptions workerAddress = new("--", "Worker without NISS");
    private readonly Option<string> startDate = Text("--start-date", "yyyy-mm-dd", "First day of work (required)");
    private readonly Option<string> endDate = Text("--end-date", "yyyy-mm-dd", "Last day of work; omit for an open-ended period");
    private readonly Option<string> startHour = Text("--start-hour", "hhmm", "Start hour, e.g. 0800");
    private readonly Option<string> endHour = Text("--end-hour", "hhmm", "End hour, e.g. 1700");
    private readonly Option<string> jointCommittee = Text(
        "--joint-committee", "code", $"Joint committee: 124, 140, 144, 145, 149, 302, 320, 322 or XXX (default: {SubmitRequestBuilder.DefaultJointCommittee})");
    private readonly Option<string> workerType = Text(
        "--worker-type", "code", $"Worker type code (default: OTH): {string.Join(", ", DimonaCodes.WorkerTypes.Codes)}");
    private readonly Option<int?> plannedHours = new("--planned-hours")
    {
        Description = "Planned hours, 1 to 999 (STU, O17 and S17 only)",
        HelpName = "hours",
    };
    private readonly Option<string> employmentNature = Text(
        "--employment-nature", "employee|worker", "Small statutes (IVT, TRI, STG): employment nature");
    private readonly Option<string> activityRisk = Text(
        "--activity-risk", "code", "Small statutes: activity with risk, 001-006 (worker) or 401-412 (employee)");
    private readonly Option<string> internType = Text("--intern-type", "F1|F2", "Small statutes: intern type");
    private readonly Option<string> placeOfWorkName = Text(
        "--place-of-work-name", "name", "Student (STU) away from the head office: name of the place of work (shop, site, branch)");
    private readonly AddressOptions placeOfWork = new("--place-of-work-", "Student's place of work");
    private readonly Option<string> userCompanyNumber = Text(
        "--user-company-enterprise-number", "number", "Agency worker (joint committee 322): the user company's enterprise number");
    private readonly Option<string> userCompanyName = Text(
        "--user-company-name", "name", "Agency worker: the user company's name, with its address, when it has no enterprise number");
    private readonly AddressOptions userCompany = new("--user-company-", "User company without enterprise number");
    private readonly Option<string> firstMonthCard = Text(
        "--first-month-c32a-number", "number", "Construction (joint committee 124, BCW in 322): control card C3.2A of the first month, 12 digits");
    private readonly Option<string> nextMonthCard = Text(
        "--next-month-c32a-number", "number", "Construction: control card C3.2A of the next month, when the period runs into it");
    private readonly Option<string> reference = Text("--reference", "text", "Employer's own reference, at most 20 characters");

    public void AddTo(Command command)
    {
        command.Options.Add(requestId);
        employer.AddTo(command);
        Option[] rest =
        [
            niss, familyName, givenName, birthDate, birthPlace, birthCountry, sex, nationality,
            .. workerAddress.All,
            startDate, endDate, startHour, endHour, jointCommittee, workerType, plannedHours,
            employmentNature, activityRisk, internType, placeOfWorkName, .. placeOfWork.All,
            userCompanyNumber, userCompanyName, .. userCompany.All, firstMonthCard, nextMonthCard, reference,
        ];
        foreach (var option in rest)
        {
            command.Options.Add(option);
        }
    }

    public SubmitInput Read(ParseResult parseResult) => new()
    {
        RequestId = parseResult.GetValue(requestId),
        Employer = employer.Read(parseResult),
        Worker = new WorkerInput
        {
            Niss = parseResult.GetValue(niss),
            FamilyName = parseResult.GetValue(familyName),
            GivenName = parseResult.GetValue(givenName),
            BirthDate = parseResult.GetValue(birthDate),
            BirthPlace = parseResult.GetValue(birthPlace),
            BirthCountry = parseResult.GetValue(birthCountry),
            Sex = parseResult.GetValue(sex),
            Nationality = parseResult.GetValue(nationality),
            Address = workerAddress.Read(parseResult),
        },
        StartDate = parseResult.GetValue(startDate),
        EndDate = parseResult.GetValue(endDate),
        StartHour = parseResult.GetValue(startHour),
        EndHour = parseResult.GetValue(endHour),
        JointCommittee = parseResult.GetValue(jointCommittee),
        WorkerType = parseResult.GetValue(workerType),
        PlannedHours = parseResult.GetValue(plannedHours),
        EmploymentNature = parseResult.GetValue(employmentNature),
        ActivityRisk = parseResult.GetValue(activityRisk),
        InternType = parseResult.GetValue(internType),
        PlaceOfWork = new PlaceOfWorkInput
        {
            Name = parseResult.GetValue(placeOfWorkName),
            Address = placeOfWork.Read(parseResult),
        },
        UserCompany = new UserCompanyInput
        {
            EnterpriseNumber = parseResult.GetValue(userCompanyNumber),
            Name = parseResult.GetValue(userCompanyName),
            Address = userCompany.Read(parseResult),
        },
        FirstMonthC32ANumber = parseResult.GetValue(firstMonthCard),
        NextMonthC32ANumber = parseResult.GetValue(nextMonthCard),
        Reference = parseResult.GetValue(reference),
    };

    private static Option<string> Text(string name, string helpName, string description) =>
        TextOption.Create(name, helpName, description);
}
