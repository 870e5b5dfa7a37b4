using System.Diagnostics;
using Dimona.V1;
using Grpc.Net.Client;

// Usage: dotnet run -c Release --project tests/Dimona.Grpc.Benchmarks -- [address] [declarations] [concurrency...]
// Sends well-formed STG declarations (each with its own worker, so none is refused as a duplicate) to a running
// service and prints, per concurrency level, declarations per second and latency percentiles.
var address = args.Length > 0 ? args[0] : "http://localhost:5000";
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
int[] levels = args.Length > 2 ? [.. args[2..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture))] : [1, 16];

using var channel = GrpcChannel.ForAddress(address);
var client = new DimonaService.DimonaServiceClient(channel);
var run = Guid.NewGuid().GetHashCode() & 0x3FF;
var next = 0;

await client.SubmitDeclarationAsync(Declaration(next++)); // warm-up: connection, JIT, first queries
Console.WriteLine($"{count} SubmitDeclaration calls per level against {address}");
Console.WriteLine("concurrency  declarations/s  p50 ms  p99 ms  max ms  not accepted");
foreach (var concurrency in levels)
{
    var latencies = new double[count];
    var notAccepted = 0;
    var clock = Stopwatch.StartNew();
    var first = next;
    next += count;
    await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
    {
        var start = Stopwatch.GetTimestamp();
        var reply = await client.SubmitDeclarationAsync(Declaration(first + i), cancellationToken: ct);
        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (reply.Declaration.Status != DeclarationStatus.Accepted)
        {
            Interlocked.Increment(ref notAccepted);
        }
    });
    var seconds = clock.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    Console.WriteLine($"{concurrency,11}  {count / seconds,14:F0}  {Percentile(0.50),6:F1}  {Percentile(0.99),6:F1}  {latencies[^1],6:F1}  {notAccepted,12}");

    double Percentile(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
}

SubmitDeclarationRequest Declaration(int i) => new()
{
    RequestId = Guid.NewGuid().ToString(),
    Employer = new EmployerId { EnterpriseNumber = "0403019261" },
    Worker = new Worker { Niss = Niss(run, i) },
    DimonaIn = new DimonaIn
    {
        StartDate = "2027-02-01",
        EndDate = "2027-03-31",
        JointCommittee = "XXX",
        WorkerType = WorkerType.Stg,
        SmallStatutes = new SmallStatutes { EmploymentNature = EmploymentNature.Employee, InternType = InternType.F1 },
    },
};

// A valid NISS per (run, i): each run has 16 birth days of its own from 1940 on (up to 15 952 workers), serials 001..997.
static string Niss(int run, int i)
{
    var birth = new DateOnly(1940, 1, 1).AddDays((run * 16) + (i / 997));
    var body = long.Parse($"{birth:yyMMdd}{(i % 997) + 1:D3}", System.Globalization.CultureInfo.InvariantCulture);
    return $"{body:D9}{97 - (body % 97):D2}";
}
