using System.Globalization;

namespace Dimona.Grpc.Benchmarks;

/// <summary>The command line. Every size has a default, so that the bare command measures everything.</summary>
internal sealed class Options
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Dimona.Grpc.Benchmarks -- [options]

        Measures, in one run: the SQLite ceiling (raw prepared inserts of the service's rows in one transaction), the
        single durable commit rate, the batch stream, unary submits at 1/16/64 callers, GetDeclaration at 64 callers and
        the same batch through the client library (Dimona.Client's SubmitBatchAsync), the server's peak resident memory
        while one million declarations stream through; then prints a markdown table.

        Server (one of):
          --server PATH          Dimona.Grpc.dll to start on a fresh database and a free loopback port
                                 (default: server/Dimona.Grpc/bin/Release/net10.0/Dimona.Grpc.dll of this repository)
          --address URL          use a server that is already running instead (its database is not fresh),
                                 sending the token in DIMONA_TOKEN (a started server gets a key and token of its own)
          --pid PID              with --address: the server's process id, for the memory figure and CPU times
          --server-env KEY=VALUE extra environment for the started server (repeatable),
                                 e.g. Logging__LogLevel__Default=Warning
          --provider NAME        the started server's database: sqlite (default), postgresql (a throwaway PostgreSQL
                                 cluster started for the run, fsync on; ceiling and commit are SQLite's and are left
                                 out), or both: the service steps on SQLite, then on PostgreSQL, and their ratios

        Steps and sizes:
          --only LIST            steps to run, comma-separated: ceiling,commit,batch,client,unary,get,memory
                                 (default: all; client needs batch, its baseline)
          --ceiling N            declarations inserted in the one-transaction ceiling (default 200000)
          --commit-seconds S     how long to measure single commits (default 3)
          --batch N              declarations in the measured batch stream (default 200000)
          --per-message N        items per batch request message (default 1000)
          --window N             batch request messages in flight (default 8)
          --calls N              SubmitDeclaration calls per concurrency level
                                 (default 2000, or 250 per caller from 9 callers on: 4000 at 16, 16000 at 64)
          --callers LIST         unary concurrency levels (default 1,16,64)
          --get-calls N          GetDeclaration calls (default 20000)
          --get-callers N        GetDeclaration callers (default 64)
          --memory N             declarations streamed while sampling the server's memory (default 1000000)
          --dir PATH             where the temporary databases go (default: the system temp folder)
          --keep                 keep the temporary databases and the server log
        """;

    public static readonly string[] AllSteps = ["ceiling", "commit", "batch", "client", "unary", "get", "memory"];

    public string? Server { get; private set; }
    public string? Address { get; private set; }
    public int? Pid { get; private set; }
    public List<KeyValuePair<string, string>> ServerEnvironment { get; } = [];
    public HashSet<string> Steps { get; private set; } = [.. AllSteps];

    /// <summary>The databases the service steps run on, in order: sqlite, postgresql.</summary>
    public string[] Providers { get; private set; } = ["sqlite"];
    public int CeilingDeclarations { get; private set; } = 200_000;
    public double CommitSeconds { get; private set; } = 3;
    public int BatchDeclarations { get; private set; } = 200_000;
    public int PerMessage { get; private set; } = 1000;
    public int Window { get; private set; } = 8;
    public int? Calls { get; private set; }
    public int[] Callers { get; private set; } = [1, 16, 64];
    public int GetCalls { get; private set; } = 20_000;
    public int GetCallers { get; private set; } = 64;
    public int MemoryDeclarations { get; private set; } = 1_000_000;
    public string Directory { get; private set; } = Path.GetTempPath();
    public bool Keep { get; private set; }

    public bool Runs(string step) => Steps.Contains(step);

    /// <summary>Calls at a concurrency level: enough at 64 callers for a p99 that is not one unlucky call.</summary>
    public int CallsAt(int callers) => Calls ?? Math.Max(2000, 250 * callers);

    /// <summary>The options; a <see cref="UsageException"/> says what is wrong with them.</summary>
    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                o.Keep = true;
                continue;
            }
            if (name is "-h" or "--help")
            {
                throw new UsageException(null);
            }
            if (!name.StartsWith("--", StringComparison.Ordinal) || !Usage.Contains($"  {name} ", StringComparison.Ordinal))
            {
                throw new UsageException($"Unknown option {name}.");
            }
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"{name} needs a value.");
            }
            var value = args[++i];
            switch (name)
            {
                case "--server":
                    o.Server = Path.GetFullPath(value);
                    break;
                case "--address":
                    o.Address = value;
                    break;
                case "--pid":
                    o.Pid = Int(name, value, 1);
                    break;
                case "--server-env":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0)
                    {
                        throw new UsageException("--server-env takes KEY=VALUE.");
                    }
                    o.ServerEnvironment.Add(new(value[..eq], value[(eq + 1)..]));
                    break;
                case "--only":
                    o.Steps = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (o.Steps.Except(AllSteps).FirstOrDefault() is { } unknown)
                    {
                        throw new UsageException($"Unknown step '{unknown}': use {string.Join(',', AllSteps)}.");
                    }
                    break;
                case "--provider":
                    o.Providers = value switch
                    {
                        "sqlite" => ["sqlite"],
                        "postgresql" => ["postgresql"],
                        "both" => ["sqlite", "postgresql"],
                        _ => throw new UsageException($"{name} is sqlite, postgresql or both, not '{value}'."),
                    };
                    break;
                case "--ceiling":
                    o.CeilingDeclarations = Int(name, value, 1);
                    break;
                case "--commit-seconds":
                    o.CommitSeconds = double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : throw new UsageException($"{name} takes a positive number.");
                    break;
                case "--batch":
                    o.BatchDeclarations = Int(name, value, 1);
                    break;
                case "--per-message":
                    o.PerMessage = Int(name, value, 1);
                    break;
                case "--window":
                    o.Window = Int(name, value, 1);
                    break;
                case "--calls":
                    o.Calls = Int(name, value, 1);
                    break;
                case "--callers":
                    o.Callers = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Int(name, c, 1))];
                    break;
                case "--get-calls":
                    o.GetCalls = Int(name, value, 1);
                    break;
                case "--get-callers":
                    o.GetCallers = Int(name, value, 1);
                    break;
                case "--memory":
                    o.MemoryDeclarations = Int(name, value, 1);
                    break;
                case "--dir":
                    o.Directory = Path.GetFullPath(value);
                    break;
                default:
                    throw new UsageException($"Unknown option {name}.");
            }
        }
        if (o.Server is not null && o.Address is not null)
        {
            throw new UsageException("Give --server or --address, not both.");
        }
        if (o.Address is not null && o.Providers is not ["sqlite"])
        {
            throw new UsageException("--provider chooses the database of a server the benchmark starts, not of one at --address.");
        }
        if (o.Pid is not null && o.Address is null)
        {
            throw new UsageException("--pid goes with --address (a started server's pid is known).");
        }
        return o;
    }

    private static int Int(string name, string value, int min) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{name} takes a whole number from {min} on, not '{value}'.");
}

internal sealed class UsageException(string? message) : Exception(message ?? "")
{
    public bool HelpAsked => string.IsNullOrEmpty(Message);
}
