using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>
/// Turns the options of <c>dimona submit</c>, <c>out</c>, <c>update</c> and <c>cancel</c> (or the columns of a batch
/// line) into a <see cref="SubmitDeclarationRequest"/> of the kind they name.
/// </summary>
internal static class SubmitRequestBuilder
{
    /// <summary>"Every other sector": the committee of most declarations, and the one IVT, TRI and STG use.</summary>
    public const string DefaultJointCommittee = "XXX";

    public static SubmitDeclarationRequest Build(SubmitInput input)
    {
        var kind = input.Kind.IsGiven() ? DimonaCodes.DeclarationKinds.Parse(input.Kind, "--kind") : DeclarationKind.In;
        RefuseOptionsNotUsedBy(kind, input);
        if (kind == DeclarationKind.In && !input.StartDate.IsGiven())
        {
            throw new UsageException("--start-date is required (YYYY-MM-DD)");
        }

        if (kind != DeclarationKind.In && !input.PeriodId.IsGiven())
        {
            throw new UsageException($"a period id is required for a {kind.Named()}: the 12-digit number of the Dimona IN that created the period");
        }

        if (kind == DeclarationKind.Out && !input.EndDate.IsGiven())
        {
            throw new UsageException("--end-date is required for a Dimona OUT (YYYY-MM-DD)");
        }

        var request = new SubmitDeclarationRequest
        {
            RequestId = input.RequestId.IsGiven() ? input.RequestId : NewRequestId(),
            Employer = EmployerIdBuilder.Build(input.Employer),
            Reference = input.Reference ?? string.Empty,
        };
        switch (kind)
        {
            case DeclarationKind.Out:
                request.Worker = OptionalNiss(input.Worker);
                request.DimonaOut = new DimonaOut
                {
                    PeriodId = input.PeriodId ?? string.Empty,
                    EndDate = input.EndDate ?? string.Empty,
                    EndHour = input.EndHour ?? string.Empty,
                };
                break;
            case DeclarationKind.Update:
                request.Worker = OptionalNiss(input.Worker);
                request.DimonaUpdate = BuildDimonaUpdate(input);
                break;
            case DeclarationKind.Cancel:
                request.Worker = OptionalNiss(input.Worker);
                request.DimonaCancel = new DimonaCancel { PeriodId = input.PeriodId ?? string.Empty };
                break;
            default:
                request.Worker = WorkerBuilder.Build(input.Worker);
                request.DimonaIn = BuildDimonaIn(input);
                break;
        }

        return request;
    }

    public static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>
    /// An option that the kind has no field for is an error rather than silently dropped: in a batch file of many
    /// kinds it is most likely a line of the wrong kind.
    /// </summary>
    private static void RefuseOptionsNotUsedBy(DeclarationKind kind, SubmitInput input)
    {
        var isIn = kind == DeclarationKind.In;
        var changesDates = kind is DeclarationKind.In or DeclarationKind.Update;
        var worker = input.Worker;
        List<(string Option, bool Given, bool Used)> options =
        [
            ("--period-id", input.PeriodId.IsGiven(), !isIn),
            ("--family-name", worker.FamilyName.IsGiven(), isIn),
            ("--given-name", worker.GivenName.IsGiven(), isIn),
            ("--birth-date", worker.BirthDate.IsGiven(), isIn),
            ("--birth-place", worker.BirthPlace.IsGiven(), isIn),
            ("--birth-country", worker.BirthCountry.IsGiven(), isIn),
            ("--sex", worker.Sex.IsGiven(), isIn),
            ("--nationality", worker.Nationality.IsGiven(), isIn),
            .. AddressOptions("--", worker.Address, isIn),
            ("--start-date", input.StartDate.IsGiven(), changesDates),
            ("--end-date", input.EndDate.IsGiven(), kind != DeclarationKind.Cancel),
            ("--start-hour", input.StartHour.IsGiven(), changesDates),
            ("--end-hour", input.EndHour.IsGiven(), kind != DeclarationKind.Cancel),
            ("--planned-hours", input.PlannedHours is not null, changesDates),
            ("--joint-committee", input.JointCommittee.IsGiven(), isIn),
            ("--worker-type", input.WorkerType.IsGiven(), isIn),
            ("--employment-nature", input.EmploymentNature.IsGiven(), isIn),
            ("--activity-risk", input.ActivityRisk.IsGiven(), isIn),
            ("--intern-type", input.InternType.IsGiven(), isIn),
            ("--place-of-work-name", input.PlaceOfWork.Name.IsGiven(), isIn),
            .. AddressOptions("--place-of-work-", input.PlaceOfWork.Address, isIn),
            ("--user-company-enterprise-number", input.UserCompany.EnterpriseNumber.IsGiven(), isIn),
            ("--user-company-name", input.UserCompany.Name.IsGiven(), isIn),
            .. AddressOptions("--user-company-", input.UserCompany.Address, isIn),
            ("--first-month-c32a-number", input.FirstMonthC32ANumber.IsGiven(), isIn),
            ("--next-month-c32a-number", input.NextMonthC32ANumber.IsGiven(), isIn),
        ];
        var unused = options.Where(option => option.Given && !option.Used).Select(option => option.Option).ToList();
        if (unused.Count == 0)
        {
            return;
        }

        var hint = isIn ? " (a period id names the period that a Dimona OUT, UPDATE or CANCEL changes)" : "";
        throw new UsageException(
            $"{string.Join(", ", unused)} {(unused.Count == 1 ? "is" : "are")} not used by a {kind.Named()}{hint}");
    }

    private static IEnumerable<(string Option, bool Given, bool Used)> AddressOptions(string prefix, AddressInput address, bool used) =>
    [
        ($"{prefix}street", address.Street.IsGiven(), used),
        ($"{prefix}house-number", address.HouseNumber.IsGiven(), used),
        ($"{prefix}box", address.Box.IsGiven(), used),
        ($"{prefix}post-code", address.PostCode.IsGiven(), used),
        ($"{prefix}municipality", address.Municipality.IsGiven(), used),
        ($"{prefix}country", address.Country.IsGiven(), used),
    ];

    // An OUT, UPDATE or CANCEL may name the period's worker: a NISS that is not the period's refuses it.
    private static Worker? OptionalNiss(WorkerInput worker) => worker.Niss.IsGiven() ? new Worker { Niss = worker.Niss } : null;

    private static DimonaUpdate BuildDimonaUpdate(SubmitInput input)
    {
        var update = new DimonaUpdate
        {
            PeriodId = input.PeriodId ?? string.Empty,
            StartDate = input.StartDate ?? string.Empty,
            EndDate = input.EndDate ?? string.Empty,
            StartHour = input.StartHour ?? string.Empty,
            EndHour = input.EndHour ?? string.Empty,
        };
        if (input.PlannedHours is { } plannedHours)
        {
            update.PlannedHours = plannedHours;
        }

        return update;
    }

    private static DimonaIn BuildDimonaIn(SubmitInput input)
    {
        var dimonaIn = new DimonaIn
        {
            StartDate = input.StartDate ?? string.Empty,
            EndDate = input.EndDate ?? string.Empty,
            StartHour = input.StartHour ?? string.Empty,
            EndHour = input.EndHour ?? string.Empty,
            JointCommittee = input.JointCommittee.IsGiven() ? input.JointCommittee : DefaultJointCommittee,
            WorkerType = input.WorkerType.IsGiven()
                ? DimonaCodes.WorkerTypes.Parse(input.WorkerType, "--worker-type")
                : WorkerType.Unspecified,
            SmallStatutes = BuildSmallStatutes(input),
            StudentPlaceOfWork = BuildPlaceOfWork(input.PlaceOfWork),
            UserCompany = BuildUserCompany(input.UserCompany),
            FirstMonthC32ANumber = input.FirstMonthC32ANumber ?? string.Empty,
            NextMonthC32ANumber = input.NextMonthC32ANumber ?? string.Empty,
        };
        if (input.PlannedHours is { } plannedHours)
        {
            dimonaIn.PlannedHours = plannedHours;
        }

        return dimonaIn;
    }

    // The block exists only when asked for: the service refuses it for types other than IVT, TRI and STG.
    private static SmallStatutes? BuildSmallStatutes(SubmitInput input)
    {
        if (!input.EmploymentNature.IsGiven() && !input.ActivityRisk.IsGiven() && !input.InternType.IsGiven())
        {
            return null;
        }

        return new SmallStatutes
        {
            EmploymentNature = input.EmploymentNature.IsGiven()
                ? DimonaCodes.EmploymentNatures.Parse(input.EmploymentNature, "--employment-nature")
                : EmploymentNature.Unspecified,
            ActivityWithRisk = input.ActivityRisk ?? string.Empty,
            InternType = input.InternType.IsGiven()
                ? DimonaCodes.InternTypes.Parse(input.InternType, "--intern-type")
                : InternType.Unspecified,
        };
    }

    // Only when asked for: the service refuses a place of work for every worker type but STU.
    private static PlaceOfWork? BuildPlaceOfWork(PlaceOfWorkInput input)
    {
        var address = AddressBuilder.Build(input.Address);
        if (!input.Name.IsGiven() && address is null)
        {
            return null;
        }

        return new PlaceOfWork { Name = input.Name ?? string.Empty, Address = address };
    }

    // Whatever is given is sent as is: the service refuses neither and both with its own anomalies.
    private static UserCompany? BuildUserCompany(UserCompanyInput input)
    {
        var address = AddressBuilder.Build(input.Address);
        if (!input.EnterpriseNumber.IsGiven() && !input.Name.IsGiven() && address is null)
        {
            return null;
        }

        return new UserCompany
        {
            EnterpriseNumber = input.EnterpriseNumber ?? string.Empty,
            Name = input.Name ?? string.Empty,
            Address = address,
        };
    }
}
