using Dimona.V1;
using Grpc.Net.Client.Configuration;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace Dimona.Client;

/// <summary>
/// The gRPC service config the client's channel uses: <c>UNAVAILABLE</c> is retried with exponential back-off on the
/// calls that are safe to repeat. A submission is, since the same request id returns the first result; registering,
/// confirming and resolving carry no request id, so a repeat after a lost answer would fail, and they are not retried.
/// </summary>
public static class DimonaServiceConfig
{
    /// <summary>The methods retried on <c>UNAVAILABLE</c>.</summary>
    public static readonly IReadOnlyList<string> RetriedMethods =
    [
        nameof(DimonaService.DimonaServiceClient.IdentifyEmployer),
        nameof(DimonaService.DimonaServiceClient.SubmitDeclaration),
        nameof(DimonaService.DimonaServiceClient.GetDeclaration),
        nameof(DimonaService.DimonaServiceClient.SubmitDeclarationBatch),
        nameof(DimonaService.DimonaServiceClient.ListDeclarations),
        nameof(DimonaService.DimonaServiceClient.ListPeriods),
        nameof(DimonaService.DimonaServiceClient.GetPeriod),
        nameof(DimonaService.DimonaServiceClient.ListPendingDeclarations),
    ];

    /// <summary>The service config for <paramref name="maxAttempts"/> attempts per call (1: none retried).</summary>
    public static ServiceConfig Create(int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var config = new ServiceConfig();
        if (maxAttempts == 1)
        {
            return config;
        }

        var retried = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = maxAttempts,
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(5),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { GrpcStatusCode.Unavailable },
            },
        };
        foreach (var method in RetriedMethods)
        {
            retried.Names.Add(new MethodName { Service = DimonaService.Descriptor.FullName, Method = method });
        }

        config.MethodConfigs.Add(retried);
        return config;
    }
}
