using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// The health check "storage": unhealthy from a failed write until a write succeeds again, and while the service
/// shuts down, so that the gRPC health service answers NOT_SERVING then.
/// </summary>
public sealed class StorageHealth(IHostApplicationLifetime lifetime) : IHealthCheck
{
    private volatile bool failing;

    /// <summary>Records a successful write; true when it ends a failure.</summary>
    public bool WriteSucceeded()
    {
        var wasFailing = failing;
        failing = false;
        return wasFailing;
    }

    /// <summary>Records a failed write; true when it starts a failure.</summary>
    public bool WriteFailed()
    {
        var wasFailing = failing;
        failing = true;
        return !wasFailing;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("The service is shutting down.")
            : failing ? HealthCheckResult.Unhealthy("The last write to the database failed.")
            : HealthCheckResult.Healthy());
}
