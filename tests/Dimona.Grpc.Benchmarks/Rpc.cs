using System.Diagnostics;
using Dimona.Client;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Grpc.Benchmarks;

/// <summary>The measured calls against the service: the batch stream, unary submits and reads.</summary>
internal static class Rpc
{
    /// <summary>
    /// Streams <paramref name="count"/> declarations in messages of <paramref name="perMessage"/> items over one
    /// SubmitDeclarationBatch call, a writer task and a reader task side by side, with at most
    /// <paramref name="window"/> messages sent and not yet answered. Null when the server does not have the RPC.
    /// </summary>
    public static async Task<StreamResult?> BatchAsync(DimonaService.DimonaServiceClient client, Workload workload, int count, int perMessage, int window,
        NumberPool? numbers, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var call = client.SubmitDeclarationBatch(cancellationToken: failed.Token);
        using var slots = new SemaphoreSlim(window, window);
        var messages = (count + perMessage - 1) / perMessage;
        var sentAt = new Queue<long>(window);
        var messageLatencies = new Latencies(messages);
        var tally = new Tally();
        var clock = Stopwatch.StartNew();

        var writer = Task.Run(async () =>
        {
            for (var m = 0; m < messages; m++)
            {
                await slots.WaitAsync(failed.Token);
                var request = new SubmitDeclarationBatchRequest();
                for (var i = m * perMessage; i < Math.Min(count, (m + 1) * perMessage); i++)
                {
                    request.Items.Add(workload.Next());
                }
                lock (sentAt)
                {
                    sentAt.Enqueue(Stopwatch.GetTimestamp());
                }
                await call.RequestStream.WriteAsync(request, failed.Token);
            }
            await call.RequestStream.CompleteAsync();
        }, failed.Token);

        try
        {
            var answered = 0;
            await foreach (var response in call.ResponseStream.ReadAllAsync(failed.Token))
            {
                lock (sentAt)
                {
                    messageLatencies.AddSince(sentAt.Dequeue());
                }
                slots.Release();
                foreach (var result in response.Results)
                {
                    if (result.ResultCase == BatchItemResult.ResultOneofCase.Declaration)
                    {
                        tally.Add(result.Declaration.Status);
                        numbers?.Add(result.Declaration.DeclarationNumber);
                    }
                    else
                    {
                        tally.AddError((StatusCode)result.Error.Code);
                    }
                }
                answered += response.Results.Count;
            }
            await writer;
            if (answered != count)
            {
                throw new InvalidOperationException($"The stream ended after {answered} of {count} answers.");
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            await failed.CancelAsync();
            await Quietly(writer);
            return null;
        }
        catch
        {
            await failed.CancelAsync();
            await Quietly(writer);
            throw;
        }
        return new StreamResult(count, clock.Elapsed, messageLatencies.Summarize(), tally);
    }

    /// <summary>
    /// The same upload through the client library: <see cref="DimonaBatch.SubmitBatchAsync"/> on a client from
    /// <see cref="DimonaClient.Create"/> (its retry policy and request-id interceptor included), fed one declaration at
    /// a time from an async sequence. No per-message latency: the library answers per declaration.
    /// </summary>
    public static async Task<StreamResult> LibraryBatchAsync(Uri address, Workload workload, int count, int perMessage, int window, CancellationToken ct)
    {
        var client = DimonaClient.Create(new DimonaClientOptions { Address = address, Token = BenchmarkToken.Current });
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var answered = 0;
        await foreach (var answer in client.SubmitBatchAsync(Declarations(workload, count), perMessage, window, cancellationToken: ct))
        {
            if (answer.Declaration is { } declaration)
            {
                tally.Add(declaration.Status);
            }
            else
            {
                tally.AddError((StatusCode)answer.Result.Error.Code);
            }
            answered++;
        }
        if (answered != count)
        {
            throw new InvalidOperationException($"The library yielded {answered} of {count} answers.");
        }
        return new StreamResult(count, clock.Elapsed, new Latencies(0).Summarize(), tally);

        static async IAsyncEnumerable<SubmitDeclarationRequest> Declarations(Workload workload, int count)
        {
            for (var i = 0; i < count; i++)
            {
                yield return workload.Next();
            }
            await Task.CompletedTask;
        }
    }

    /// <summary>
    /// <paramref name="calls"/> SubmitDeclaration calls from <paramref name="callers"/> callers, each sending its next call
    /// when answered. A failed call is counted by its code, and its latency left out.
    /// </summary>
    public static Task<CallsResult> UnaryAsync(DimonaService.DimonaServiceClient client, Workload workload, int calls, int callers,
        NumberPool? numbers, CancellationToken ct) =>
        CallersAsync(calls, callers, async () =>
        {
            var declaration = (await client.SubmitDeclarationAsync(workload.Next(), cancellationToken: ct)).Declaration;
            numbers?.Add(declaration.DeclarationNumber);
            return declaration.Status;
        }, ct);

    /// <summary><paramref name="calls"/> GetDeclaration calls from <paramref name="callers"/> callers, for numbers drawn at random from <paramref name="numbers"/>.</summary>
    public static Task<CallsResult> GetAsync(DimonaService.DimonaServiceClient client, NumberPool numbers, int calls, int callers, CancellationToken ct)
    {
        var pool = numbers.Snapshot();
        return CallersAsync(calls, callers, async () =>
        {
            var request = new GetDeclarationRequest { DeclarationNumber = pool[Random.Shared.Next(pool.Length)] };
            return (await client.GetDeclarationAsync(request, cancellationToken: ct)).Declaration.Status;
        }, ct);
    }

    /// <summary>
    /// <paramref name="calls"/> calls from <paramref name="callers"/> callers, each making its next call when answered.
    /// A failed call is counted by its code, and its latency left out.
    /// </summary>
    private static async Task<CallsResult> CallersAsync(int calls, int callers, Func<Task<DeclarationStatus>> call, CancellationToken ct)
    {
        var latencies = new Latencies(calls);
        var tally = new Tally();
        var issued = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref issued) < calls)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var status = await call();
                    latencies.AddSince(start);
                    tally.Add(status);
                }
                catch (RpcException e) when (!ct.IsCancellationRequested)
                {
                    tally.AddError(e.StatusCode);
                }
            }
        }, ct)));
        return new CallsResult(calls, callers, clock.Elapsed, latencies.Summarize(), tally);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException or InvalidOperationException)
        {
        }
    }
}

/// <summary>Declaration numbers seen in answers, kept for the reads (up to a cap, the first ones).</summary>
internal sealed class NumberPool(int capacity)
{
    private readonly List<string> numbers = [];

    public int Count
    {
        get
        {
            lock (numbers)
            {
                return numbers.Count;
            }
        }
    }

    public void Add(string number)
    {
        lock (numbers)
        {
            if (numbers.Count < capacity && number.Length > 0)
            {
                numbers.Add(number);
            }
        }
    }

    public string[] Snapshot()
    {
        lock (numbers)
        {
            return [.. numbers];
        }
    }
}

/// <summary>How many answers had each status, and how many items failed with which code.</summary>
internal sealed class Tally
{
    private readonly Dictionary<string, int> counts = [];

    public int Accepted => Count(DeclarationStatus.Accepted.ToString());

    public int Total
    {
        get
        {
            lock (counts)
            {
                return counts.Values.Sum();
            }
        }
    }

    public void Add(DeclarationStatus status) => Increment(status.ToString());

    public void AddError(StatusCode code) => Increment($"error {code}");

    public override string ToString()
    {
        lock (counts)
        {
            return string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value:N0} {c.Key}"));
        }
    }

    private int Count(string key)
    {
        lock (counts)
        {
            return counts.GetValueOrDefault(key);
        }
    }

    private void Increment(string key)
    {
        lock (counts)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}

internal sealed record StreamResult(int Declarations, TimeSpan Elapsed, LatencySummary MessageLatency, Tally Tally)
{
    public double PerSecond => Declarations / Elapsed.TotalSeconds;
}

internal sealed record CallsResult(int Calls, int Callers, TimeSpan Elapsed, LatencySummary Latency, Tally Tally)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;
}
