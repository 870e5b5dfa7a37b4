using Dimona.Client;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Client.Sample;

/// <summary>The sample's five steps, each returning what the service answered (the tests check them, Program prints them).</summary>
public static class Scenario
{
    /// <summary>Atelier Démo SA, a demo employer that may declare every worker type.</summary>
    public const string ActiveEmployer = "0403019261";

    /// <summary>Ancienne Brasserie SA, a demo employer no longer active: every declaration is refused (90373-343).</summary>
    public const string InactiveEmployer = "0812345603";

    /// <summary>A NISS whose check digits do not match.</summary>
    public const string BadNiss = "93051822362";

    /// <summary>1. Looks the active demo employer up.</summary>
    public static async Task<Employer> IdentifyAsync(DimonaService.DimonaServiceClient dimona, CancellationToken ct = default)
    {
        var reply = await dimona.IdentifyEmployerAsync(
            new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = ActiveEmployer } }, cancellationToken: ct);
        return reply.Employer;
    }

    /// <summary>2. An IN of a new worker at the active employer: accepted, it opens a period.</summary>
    public static async Task<Declaration> SubmitAcceptedAsync(DimonaService.DimonaServiceClient dimona, CancellationToken ct = default) =>
        (await dimona.SubmitDeclarationAsync(In(ActiveEmployer, Niss.Random()), cancellationToken: ct)).Declaration;

    /// <summary>3. The same IN at the inactive employer: stored and refused, with its anomaly.</summary>
    public static async Task<Declaration> SubmitRefusedAsync(DimonaService.DimonaServiceClient dimona, CancellationToken ct = default) =>
        (await dimona.SubmitDeclarationAsync(In(InactiveEmployer, Niss.Random()), cancellationToken: ct)).Declaration;

    /// <summary>4. An IN with a NISS whose check digits do not match: INVALID_ARGUMENT naming worker.niss, nothing stored.</summary>
    public static async Task<DimonaError> SubmitInvalidAsync(DimonaService.DimonaServiceClient dimona, CancellationToken ct = default)
    {
        try
        {
            await dimona.SubmitDeclarationAsync(In(ActiveEmployer, BadNiss), cancellationToken: ct);
        }
        catch (RpcException failure)
        {
            return DimonaError.From(failure);
        }

        throw new InvalidOperationException($"The service accepted the NISS {BadNiss}, whose check digits do not match.");
    }

    /// <summary>5. The three declarations over one batch stream, two to a message: answers in input order.</summary>
    public static async Task<IReadOnlyList<BatchAnswer>> SubmitBatchAsync(DimonaService.DimonaServiceClient dimona, CancellationToken ct = default)
    {
        var declarations = new[] { In(ActiveEmployer, Niss.Random()), In(InactiveEmployer, Niss.Random()), In(ActiveEmployer, BadNiss) };
        return await dimona.SubmitBatchAsync(declarations.ToAsyncEnumerable(), messageSize: 2, cancellationToken: ct).ToListAsync(ct);
    }

    /// <summary>An ordinary worker's IN from 2030-01-01, open-ended; the library gives it its request id.</summary>
    public static SubmitDeclarationRequest In(string enterpriseNumber, string niss) => new()
    {
        Employer = new EmployerId { EnterpriseNumber = enterpriseNumber },
        Worker = new Worker { Niss = niss },
        DimonaIn = new DimonaIn { StartDate = "2030-01-01", JointCommittee = "XXX", WorkerType = WorkerType.Oth },
    };
}
