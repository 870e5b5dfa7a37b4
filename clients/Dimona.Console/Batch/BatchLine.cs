using Dimona.V1;

namespace Dimona.Console.Batch;

/// <summary>One declaration line of a batch file: the request it makes, or why it could not be read.</summary>
internal sealed record BatchLine(int Number, string RequestId, SubmitDeclarationRequest? Request, string? Problem)
{
    public static BatchLine Valid(int number, SubmitDeclarationRequest request) => new(number, request.RequestId, request, null);

    public static BatchLine Invalid(int number, string requestId, string problem) => new(number, requestId, null, problem);
}
