using System.Diagnostics;
using System.Text;
using OsProcess = System.Diagnostics.Process;

namespace Dimona.Grpc.Tests.Process;

/// <summary>A program the tests run to its end (npm, python, dotnet), with its output captured and shown in the test's output.</summary>
public sealed record ToolRun(int ExitCode, string StandardOutput, string Output)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/> with <paramref name="environment"/> added; fails on timeout.</summary>
    public static async Task<ToolRun> RunAsync(
        string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The test host's MSBuild settings would leak into a nested dotnet build.
        foreach (var name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var command = $"$ {program} {string.Join(' ', start.ArgumentList)}";
        var ct = TestContext.Current.CancellationToken;
        using var process = OsProcess.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not end within {Timeout}.");
        }

        var output = $"{command}\n{await stdout}{await stderr}";
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        return new ToolRun(process.ExitCode, await stdout, output);
    }
}
