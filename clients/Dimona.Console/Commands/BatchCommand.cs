using System.CommandLine;
using Dimona.Client;
using Dimona.Console.Batch;
using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Commands;

/// <summary>
/// <c>dimona batch FILE</c>: submits the declaration (IN, OUT, UPDATE or CANCEL) of every line of a CSV or NDJSON file over one stream,
/// writes one result per line to a results file and prints a summary by status.
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CommandContext context, BatchProgress progress)
    {
        var file = new Argument<string>("file")
        {
            Description = "One declaration per line: .csv with a header naming the columns (kind, period_id and the options of submit, "
                + "out and update with underscores, e.g. enterprise_number,niss,start_date), "
                + "or .ndjson/.jsonl with a SubmitDeclarationRequest in proto3 JSON per line",
        };
        var results = new Option<string>("--results")
        {
            Description = "Where to write one result per line (default: the file's path + .results.csv)",
            HelpName = "path.csv",
        };
        var chunkSize = new Option<int>("--chunk-size")
        {
            Description = $"Declarations per message of the stream, 1 to {DimonaBatch.MaxMessageSize}",
            HelpName = "n",
            DefaultValueFactory = _ => DimonaBatch.DefaultMessageSize,
        };
        chunkSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > DimonaBatch.MaxMessageSize)
            {
                result.AddError($"--chunk-size must be from 1 to {DimonaBatch.MaxMessageSize}");
            }
        });
        var command = new Command("batch", "Submit a file of declarations (IN, OUT, UPDATE, CANCEL) over one stream; safe to run again");
        command.Arguments.Add(file);
        command.Options.Add(results);
        command.Options.Add(chunkSize);
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(parseResult, async client =>
        {
            var path = parseResult.GetRequiredValue(file);
            var resultsPath = parseResult.GetValue(results) ?? BatchResultsFile.DefaultPath(path);
            if (Path.GetFullPath(resultsPath) == Path.GetFullPath(path))
            {
                throw new UsageException("--results must name another file than the one uploaded");
            }

            var lines = BatchFile.Read(path);
            await using var resultsFile = BatchResultsFile.Create(resultsPath);
            var declarations = lines.Select(line => line.Request).OfType<SubmitDeclarationRequest>().ToList();
            var uploader = new BatchUploader(client, parseResult.GetValue(chunkSize));
            var outcome = await progress.RunAsync(
                declarations.Count,
                answered => uploader.UploadAsync(declarations, answered, cancellationToken));

            var lineResults = BatchLineResult.Match(lines, outcome.Answers);
            BatchResultsFile.Write(lineResults, resultsFile);
            BatchSummaryPrinter.Print(lineResults, resultsPath, context.Output);
            if (outcome.Failure is not null)
            {
                throw outcome.Failure;
            }
        }));
        return command;
    }
}
