namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The tests that run the real server as a process: one at a time, and not beside the in-memory tests, so that
/// their time bounds hold on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Server process";
}
