using Dimona.Console.Batch;
using Dimona.Console.Output;
using Dimona.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Dimona.Console.Tests;

public class BatchResultsTests
{
    private static readonly BatchLine[] Lines =
    [
        Valid(2, "id-2"), Valid(3, "id-3"), Valid(4, "id-4"), Valid(5, "id-5"), Valid(6, "id-6"),
        BatchLine.Invalid(7, "id-7", "worker_type: unknown code 'ABC'; valid codes: OTH, STU"),
        Valid(8, "id-8"),
    ];

    private static readonly BatchItemResult[] Answers =
    [
        Answered("857416368505", DeclarationStatus.Accepted),
        Answered("645472989314", DeclarationStatus.Refused, "00911-001", "90373-460"),
        Answered("195187774801", DeclarationStatus.Pending),
        Answered("301658848902", DeclarationStatus.AcceptedWithWarnings, "90373-460"),
        new()
        {
            Error = new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = "Invalid request: worker.niss.",
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations =
                        {
                            new BadRequest.Types.FieldViolation { Field = "worker.niss", Description = "NISS check digits do not match (00024-003)." },
                            new BadRequest.Types.FieldViolation { Field = "dimona_in.start_date", Description = "Not a date." },
                        },
                    }),
                    Any.Pack(new ErrorInfo { Reason = "INVALID_REQUEST", Domain = "dimona.v1" }),
                },
            },
        },
    ];

    private static BatchLine Valid(int number, string requestId) =>
        BatchLine.Valid(number, new SubmitDeclarationRequest { RequestId = requestId, Worker = new Worker { Niss = "93051822361" } });

    private static BatchItemResult Answered(string number, DeclarationStatus status, params string[] codes) => new()
    {
        Declaration = new Declaration
        {
            DeclarationNumber = number,
            Status = status,
            Worker = new Worker { Niss = "93051822361" },
            Anomalies = { codes.Select(code => new Anomaly { Code = code, Message = "Shown by submit, not in the results file." }) },
        },
    };

    [Fact]
    public void Match_AnswersInOrderOfTheValidLines_SkipInvalidLinesAndLeaveTheRestUnanswered()
    {
        var results = BatchLineResult.Match(Lines, Answers);

        Assert.Equal(
            ["ACCEPTED", "REFUSED", "PENDING", "ACCEPTED_WITH_WARNINGS", "ERROR", "INVALID", null],
            results.Select(result => result.Status));
        Assert.Equal("645472989314", results[1].Answer!.Declaration.DeclarationNumber);
    }

    [Fact]
    public void Write_OneCsvLinePerAnsweredOrInvalidLine_WithCodesOnlyAndQuotedWhereNeeded()
    {
        var writer = new StringWriter();

        BatchResultsFile.Write(BatchLineResult.Match(Lines, Answers), writer);

        Assert.Equal(
            """
            line,request_id,declaration_number,status,anomaly_codes,error
            2,id-2,857416368505,ACCEPTED,,
            3,id-3,645472989314,REFUSED,00911-001 90373-460,
            4,id-4,195187774801,PENDING,,
            5,id-5,301658848902,ACCEPTED_WITH_WARNINGS,90373-460,
            6,id-6,,ERROR,,INVALID_ARGUMENT INVALID_REQUEST worker.niss dimona_in.start_date
            7,id-7,,INVALID,,"worker_type: unknown code 'ABC'; valid codes: OTH, STU"

            """,
            writer.ToString().ReplaceLineEndings("\n"));
        Assert.DoesNotContain("93051822361", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Print_Summary_CountsEachStatusAndNamesTheErrorCodes()
    {
        var writer = new StringWriter();

        BatchSummaryPrinter.Print(BatchLineResult.Match(Lines[..^1], Answers), "batch.csv.results.csv", writer);

        Assert.Equal(
            """
            Lines:                    6
            Accepted:                 1
            Accepted with warnings:   1
            Refused:                  1
            Pending:                  1
            Errors:                   1      (rejected by the service: INVALID_ARGUMENT)
            Invalid lines:            1      (could not be read)
            Results:                  batch.csv.results.csv

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_CallFailedBeforeSomeAnswers_CountsThemAsNotAnsweredAndSaysARerunIsSafe()
    {
        var writer = new StringWriter();

        BatchSummaryPrinter.Print(BatchLineResult.Match(Lines, Answers[..2]), "out.csv", writer);

        Assert.Contains("Errors:                   0\n", writer.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(
            "Not answered:             4      (the call failed first; running the same command again is safe)",
            writer.ToString(),
            StringComparison.Ordinal);
    }
}
