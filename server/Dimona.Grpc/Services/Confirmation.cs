using Dimona.Grpc.Domain;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// What a submission answers. A secured caller gets the declaration as the contract shows it; a caller on the
/// unsecured channel only its confirmation: number, status, period id, anomalies, reception time, request id and the
/// employer it named, and nothing of the worker or the content it sent.
/// </summary>
internal static class Confirmation
{
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
        return answer;
    }
}
