using Dimona.Console.Codes;
using Dimona.V1;

namespace Dimona.Console.Requests;

/// <summary>Turns the options of <c>dimona submit</c> into a <see cref="SubmitDeclarationRequest"/> for a Dimona IN.</summary>
internal static class SubmitRequestBuilder
{
    /// <summary>"Every other sector": the committee of most declarations, and the one IVT, TRI and STG use.</summary>
    public const string DefaultJointCommittee = "XXX";

    public static SubmitDeclarationRequest Build(SubmitInput input)
    {
        if (!input.StartDate.IsGiven())
        {
            throw new UsageException("--start-date is required (YYYY-MM-DD)");
        }

        return new SubmitDeclarationRequest
        {
            RequestId = input.RequestId.IsGiven() ? input.RequestId : NewRequestId(),
            Employer = EmployerIdBuilder.Build(input.Employer),
            Worker = WorkerBuilder.Build(input.Worker),
            Reference = input.Reference ?? string.Empty,
            DimonaIn = BuildDimonaIn(input),
        };
    }

    public static string NewRequestId() => Guid.NewGuid().ToString();

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
}
