using Dimona.Grpc.Domain;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// What a submission answers. A secured caller gets the declaration as the contract shows it; a caller on the
/// unsecured channel only its confirmation: number, status, period id, reception time, request id, the employer it
/// named and each anomaly's code, severity and field, but nothing of the worker or the content it sent, and no
/// anomaly's explanation, which may quote stored facts (another period's id, its dates, the hours of a quota).
/// </summary>
internal static class Confirmation
{
    /// <summary>What an anomaly's message says on the unsecured channel.</summary>
    public const string ExplanationWithheld = "Explained on the secured channel only.";

    public static V1.Declaration ToAnswer(this Declaration declaration, V1.SubmitDeclarationRequest request, Caller caller)
    {
        var answer = declaration.ToContract(request);
        if (caller.Secured)
        {
            return answer;
        }
        answer.Worker = null;
        answer.IdentifiedNiss = "";
        answer.Reference = "";
        answer.ClearContent();
        foreach (var anomaly in answer.Anomalies)
        {
            anomaly.Message = ExplanationWithheld;
        }
        return answer;
    }
}
