using Dimona.Console.Batch;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Tests;

public sealed class BatchCommandTests : IDisposable
{
    private const string Csv =
        """
        enterprise_number,niss,worker_type,start_date,end_date,employment_nature,intern_type
        0403019261,93051822361,STG,2030-02-01,2030-03-31,employee,F1
        0403019261,01041512387,ABC,2030-02-01,2030-03-31,employee,F1
        0403019261,88222999936,TRI,2030-03-01,2030-03-31,employee,F1
        0403019261,08422999977,OTH,2030-02-01,,,
        0403019261,93051822362,STG,2030-02-01,2030-03-31,employee,F1

        """;

    private readonly FakeDimonaClient client = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly string folder = Directory.CreateTempSubdirectory("dimona-batch-").FullName;

    public BatchCommandTests() =>
        client.Batch.Answer = item => item.Worker.Niss == "93051822362"
            ? new BatchItemResult { Error = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument } }
            : new BatchItemResult
            {
                Declaration = new Declaration { DeclarationNumber = $"{item.Worker.Niss[..9]}000", Status = DeclarationStatus.Accepted },
            };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Batch_CsvFile_SendsTheValidLinesInChunksAndWritesOneResultPerLine()
    {
        var path = Write("batch.csv", Csv);

        var exitCode = await RunAsync("batch", path, "--chunk-size", "2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal([2, 2], client.Batch.Chunks.Select(chunk => chunk.Items.Count));
        Assert.Equal(
            ["93051822361", "88222999936", "08422999977", "93051822362"],
            client.Batch.Chunks.SelectMany(chunk => chunk.Items).Select(item => item.Worker.Niss));
        var results = File.ReadAllLines(path + ".results.csv");
        Assert.Equal(BatchResultsFile.Header, results[0]);
        Assert.Equal(
            ["2,930518223000,ACCEPTED", "3,,INVALID", "4,882229999000,ACCEPTED", "5,084229999000,ACCEPTED", "6,,ERROR"],
            results.Skip(1).Select(line => string.Join(',', line.Split(',').Where((_, i) => i is 0 or 2 or 3))));
        Assert.EndsWith(",\"worker_type: unknown code; valid codes: OTH, STU, FLX, EXT, DWD, IVT, TRI, STG, ALT, BCW, RTA, PMP, O17, S17, T17, A17, QUA, STX, TEA\"", results[2], StringComparison.Ordinal);
        Assert.EndsWith(",ERROR,,INVALID_ARGUMENT", results[5], StringComparison.Ordinal);
        Assert.Contains("Lines:                    5\n", Output(), StringComparison.Ordinal);
        Assert.Contains("Accepted:                 3\n", Output(), StringComparison.Ordinal);
        Assert.Contains("Errors:                   1      (rejected by the service: INVALID_ARGUMENT)\n", Output(), StringComparison.Ordinal);
        Assert.Contains("Invalid lines:            1      (could not be read)\n", Output(), StringComparison.Ordinal);
        Assert.Contains($"Results:                  {path}.results.csv\n", Output(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Batch_SameFileTwice_SendsTheSameRequestIds()
    {
        var path = Write("batch.csv", Csv);
        await RunAsync("batch", path);
        var first = client.Batch.Chunks.SelectMany(chunk => chunk.Items).Select(item => item.RequestId).ToList();
        var again = new FakeDimonaClient();

        await new DimonaCli(again.Connect, output, error).RunAsync(["batch", path], TestContext.Current.CancellationToken);

        Assert.Equal(first, again.Batch.Chunks.SelectMany(chunk => chunk.Items).Select(item => item.RequestId));
        Assert.Equal(4, first.Distinct().Count());
    }

    [Fact]
    public async Task Batch_NdjsonFile_SendsEachLineAsWritten()
    {
        var path = Write("batch.ndjson", """
            {"requestId":"0f8fad5b-d9cb-469f-a165-70867728950e","employer":{"enterpriseNumber":"0403019261"},"worker":{"niss":"93051822361"},"dimonaIn":{"startDate":"2030-02-01"}}
            {"employer":{"enterpriseNumber":"0403019261"},"worker":{"niss":"01041512387"},"dimonaIn":{"startDate":"2030-02-01","workerType":"WORKER_TYPE_OTH"}}
            """);

        var exitCode = await RunAsync("batch", path, "--results", Path.Combine(folder, "out.csv"));

        Assert.Equal(ExitCodes.Success, exitCode);
        var items = Assert.Single(client.Batch.Chunks).Items;
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", items[0].RequestId);
        Assert.Equal(WorkerType.Oth, items[1].DimonaIn.WorkerType);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder, "out.csv")).Length);
    }

    [Fact]
    public async Task Batch_StreamEndsWithAnError_WritesTheAnswersSoFarPrintsTheErrorAndExitsOne()
    {
        var path = Write("batch.csv", Csv);
        client.Batch.FailAfterChunks = 1;

        var exitCode = await RunAsync("batch", path, "--chunk-size", "1");

        Assert.Equal(ExitCodes.RpcError, exitCode);
        Assert.Equal(["2", "3"], File.ReadAllLines(path + ".results.csv").Skip(1).Select(line => line.Split(',')[0]));
        Assert.Contains("Not answered:             3      (the call failed first; running the same command again is safe)", Output(), StringComparison.Ordinal);
        Assert.Equal("error: Unavailable: The service is shutting down.\n  reason: SHUTTING_DOWN\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("batch.txt", "the file name must end in .csv, or in .ndjson or .jsonl")]
    [InlineData("missing.csv", "cannot read")]
    public async Task Batch_FileThatCannotBeUsed_IsAUsageErrorAndSendsNothing(string name, string message)
    {
        var path = name == "batch.txt" ? Write(name, Csv) : Path.Combine(folder, name);

        var exitCode = await RunAsync("batch", path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Batch.Chunks);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path + ".results.csv"));
    }

    [Fact]
    public async Task Batch_UnknownColumn_IsAUsageErrorNamingIt()
    {
        var path = Write("batch.csv", "enterprise_number,nis,start_date\n0403019261,93051822361,2030-02-01\n");

        var exitCode = await RunAsync("batch", path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"error: {path}: unknown column 'nis' in the header", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(client.Batch.Chunks);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task Batch_ChunkSizeOutOfRange_IsAUsageError(string chunkSize)
    {
        var exitCode = await RunAsync("batch", Write("batch.csv", Csv), "--chunk-size", chunkSize);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--chunk-size must be from 1 to 1000", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(client.Batch.Chunks);
    }

    [Fact]
    public async Task Batch_ResultsOverTheInput_IsAUsageError()
    {
        var path = Write("batch.csv", Csv);

        var exitCode = await RunAsync("batch", path, "--results", path);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(Csv, File.ReadAllText(path));
    }

    [Fact]
    public async Task Batch_CsvOfSeveralKinds_SendsEachLineAsItsKind()
    {
        var path = Write("changes.csv", """
            kind,period_id,enterprise_number,niss,worker_type,start_date,end_date,start_hour,end_hour
            ,,0403019261,99070723138,FLX,2030-05-02,2030-05-02,0800,1200
            OUT,857416368505,0403019261,,,,2030-06-30,,1700
            UPDATE,759375962669,0403019261,85031214540,,,9999-12-31,,
            CANCEL,219547190494,0403019261,,,,,,
            CANCEL,219547190494,0403019261,,FLX,,,,

            """);
        client.Batch.Answer = item => new BatchItemResult
        {
            Declaration = new Declaration { DeclarationNumber = "125642118166", Status = DeclarationStatus.Accepted },
        };

        var exitCode = await RunAsync("batch", path);

        Assert.Equal(ExitCodes.Success, exitCode);
        var items = Assert.Single(client.Batch.Chunks).Items;
        Assert.Equal(
            [
                SubmitDeclarationRequest.ContentOneofCase.DimonaIn,
                SubmitDeclarationRequest.ContentOneofCase.DimonaOut,
                SubmitDeclarationRequest.ContentOneofCase.DimonaUpdate,
                SubmitDeclarationRequest.ContentOneofCase.DimonaCancel,
            ],
            items.Select(item => item.ContentCase));
        Assert.Equal("0800", items[0].DimonaIn.StartHour);
        Assert.Equal("857416368505", items[1].DimonaOut.PeriodId);
        Assert.Equal("9999-12-31", items[2].DimonaUpdate.EndDate);
        Assert.Equal("219547190494", items[3].DimonaCancel.PeriodId);
        var results = File.ReadAllLines(path + ".results.csv");
        Assert.Equal(["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "INVALID"], results.Skip(1).Select(line => line.Split(',')[3]));
        Assert.EndsWith(",INVALID,,worker_type is not used by a Dimona CANCEL", results[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheBatchCommand()
    {
        await RunAsync("--help");

        Assert.Contains("batch <file>", Output(), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Output() => output.ToString().ReplaceLineEndings("\n");

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
