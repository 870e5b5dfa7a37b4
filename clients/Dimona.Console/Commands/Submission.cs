using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary>Sends one declaration of any kind and prints its result: what <c>submit</c>, <c>out</c>, <c>update</c> and <c>cancel</c> end with.</summary>
internal static class Submission
{
    public static async Task SendAsync(
        DimonaService.DimonaServiceClient client,
        SubmitDeclarationRequest request,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var response = await client.SubmitDeclarationAsync(request, cancellationToken: cancellationToken);
        DeclarationPrinter.PrintResult(response.Declaration, output);
    }
}
