using System.Globalization;
using System.Text.RegularExpressions;
using Dimona.Console.Requests;

namespace Dimona.Console.Batch;

/// <summary>The columns of a batch CSV file: one per option of <c>dimona submit</c>, named like it with underscores.</summary>
internal static partial class DeclarationColumns
{
    public static readonly IReadOnlyList<(string Name, Func<SubmitInput, string, SubmitInput> Set)> All =
    [
        ("request_id", (input, value) => input with { RequestId = value }),
        ("enterprise_number", (input, value) => input with { Employer = input.Employer with { EnterpriseNumber = value } }),
        ("onss_number", (input, value) => input with { Employer = input.Employer with { OnssNumber = value } }),
        ("provisional_onss_number", (input, value) => input with { Employer = input.Employer with { ProvisionalOnssNumber = value } }),
        ("niss", (input, value) => input with { Worker = input.Worker with { Niss = value } }),
        ("family_name", (input, value) => input with { Worker = input.Worker with { FamilyName = value } }),
        ("given_name", (input, value) => input with { Worker = input.Worker with { GivenName = value } }),
        ("birth_date", (input, value) => input with { Worker = input.Worker with { BirthDate = value } }),
        ("birth_place", (input, value) => input with { Worker = input.Worker with { BirthPlace = value } }),
        ("birth_country", (input, value) => input with { Worker = input.Worker with { BirthCountry = value } }),
        ("sex", (input, value) => input with { Worker = input.Worker with { Sex = value } }),
        ("nationality", (input, value) => input with { Worker = input.Worker with { Nationality = value } }),
        ("street", (input, value) => input with { Worker = input.Worker with { Street = value } }),
        ("house_number", (input, value) => input with { Worker = input.Worker with { HouseNumber = value } }),
        ("box", (input, value) => input with { Worker = input.Worker with { Box = value } }),
        ("post_code", (input, value) => input with { Worker = input.Worker with { PostCode = value } }),
        ("municipality", (input, value) => input with { Worker = input.Worker with { Municipality = value } }),
        ("country", (input, value) => input with { Worker = input.Worker with { Country = value } }),
        ("start_date", (input, value) => input with { StartDate = value }),
        ("end_date", (input, value) => input with { EndDate = value }),
        ("start_hour", (input, value) => input with { StartHour = value }),
        ("end_hour", (input, value) => input with { EndHour = value }),
        ("joint_committee", (input, value) => input with { JointCommittee = value }),
        ("worker_type", (input, value) => input with { WorkerType = value }),
        ("planned_hours", (input, value) => input with { PlannedHours = PlannedHours(value) }),
        ("employment_nature", (input, value) => input with { EmploymentNature = value }),
        ("activity_risk", (input, value) => input with { ActivityRisk = value }),
        ("intern_type", (input, value) => input with { InternType = value }),
        ("reference", (input, value) => input with { Reference = value }),
    ];

    private static readonly Dictionary<string, Func<SubmitInput, string, SubmitInput>> ByName =
        All.ToDictionary(column => column.Name, column => column.Set, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Names => All.Select(column => column.Name);

    public static Func<SubmitInput, string, SubmitInput>? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// An option's error as a results-file line may carry it: "--worker-type: unknown code 'ABC'" becomes
    /// "worker_type: unknown code", naming the column and not the value, which may be a worker's data.
    /// </summary>
    public static string InColumnWords(string optionMessage) =>
        QuotedValue().Replace(OptionName().Replace(optionMessage, match => match.Groups[1].Value.Replace('-', '_')), "");

    private static int PlannedHours(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : throw new UsageException("planned_hours: not a whole number of hours");

    [GeneratedRegex("--([a-z][a-z-]*)")]
    private static partial Regex OptionName();

    [GeneratedRegex(" '[^']*'")]
    private static partial Regex QuotedValue();
}
