using System.Globalization;
using System.Text.RegularExpressions;
using Dimona.Console.Requests;

namespace Dimona.Console.Batch;

/// <summary>
/// The columns of a batch CSV file: <c>kind</c> (IN when empty, OUT, UPDATE or CANCEL), <c>period_id</c> (the argument of
/// <c>dimona out</c>, <c>update</c> and <c>cancel</c>), and one per option of <c>dimona submit</c>, named like it with
/// underscores. The start and end dates and hours and the planned hours serve every kind that has them.
/// </summary>
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
        .. AddressColumns("", (input, set) => input with { Worker = input.Worker with { Address = set(input.Worker.Address) } }),
        ("kind", (input, value) => input with { Kind = value }),
        ("period_id", (input, value) => input with { PeriodId = value }),
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
        ("place_of_work_name", (input, value) => input with { PlaceOfWork = input.PlaceOfWork with { Name = value } }),
        .. AddressColumns("place_of_work_", (input, set) => input with { PlaceOfWork = input.PlaceOfWork with { Address = set(input.PlaceOfWork.Address) } }),
        ("user_company_enterprise_number", (input, value) => input with { UserCompany = input.UserCompany with { EnterpriseNumber = value } }),
        ("user_company_name", (input, value) => input with { UserCompany = input.UserCompany with { Name = value } }),
        .. AddressColumns("user_company_", (input, set) => input with { UserCompany = input.UserCompany with { Address = set(input.UserCompany.Address) } }),
        ("first_month_c32a_number", (input, value) => input with { FirstMonthC32ANumber = value }),
        ("next_month_c32a_number", (input, value) => input with { NextMonthC32ANumber = value }),
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

    /// <summary>The six columns of an address, named with <paramref name="prefix"/>; <paramref name="with"/> puts a changed address in place.</summary>
    private static IEnumerable<(string Name, Func<SubmitInput, string, SubmitInput> Set)> AddressColumns(
        string prefix,
        Func<SubmitInput, Func<AddressInput, AddressInput>, SubmitInput> with) =>
    [
        ($"{prefix}street", (input, value) => with(input, address => address with { Street = value })),
        ($"{prefix}house_number", (input, value) => with(input, address => address with { HouseNumber = value })),
        ($"{prefix}box", (input, value) => with(input, address => address with { Box = value })),
        ($"{prefix}post_code", (input, value) => with(input, address => address with { PostCode = value })),
        ($"{prefix}municipality", (input, value) => with(input, address => address with { Municipality = value })),
        ($"{prefix}country", (input, value) => with(input, address => address with { Country = value })),
    ];

    private static int PlannedHours(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : throw new UsageException("planned_hours: not a whole number of hours");

    [GeneratedRegex("--([a-z][a-z0-9-]*)")]
    private static partial Regex OptionName();

    [GeneratedRegex(" '[^']*'")]
    private static partial Regex QuotedValue();
}
