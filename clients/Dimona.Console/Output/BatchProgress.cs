using Spectre.Console;

namespace Dimona.Console.Output;

/// <summary>
/// Shows how far an upload is, with its rate, as a progress bar on an interactive terminal;
/// shows nothing without a console or when the console is not interactive (pipes, CI, tests).
/// </summary>
internal sealed class BatchProgress(IAnsiConsole? console)
{
    /// <summary>Runs the upload, which reports how many declarations each answer covers.</summary>
    public async Task<T> RunAsync<T>(int total, Func<Action<int>, Task<T>> upload)
    {
        if (console is null || !console.Profile.Capabilities.Interactive || total == 0)
        {
            return await upload(_ => { });
        }

        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DeclarationRateColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Declarations", maxValue: total);
                return await upload(answered => task.Increment(answered));
            });
    }
}
