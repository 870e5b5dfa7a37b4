using Dimona.Console.Output;

namespace Dimona.Console.Tests;

public class PeriodPrinterTests
{
    [Fact]
    public void Print_ClosedPeriod_PrintsItsStateDatesHoursAndPlannedHours()
    {
        var writer = new StringWriter();

        PeriodPrinter.Print(Samples.ClosedStudentPeriod(), writer);

        Assert.Equal(
            """
            Period id:                857416368505
            State:                    closed
            Employer:                 enterprise number 0403019261
            Worker:                   NISS 93051822361
            Start date:               2030-02-01
            End date:                 2030-06-30
            End hour:                 1700
            Joint committee:          XXX
            Worker type:              STU
            Planned hours:            120

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_OpenPeriod_SaysOpenEndedAndLeavesOutWhatItHasNot()
    {
        var writer = new StringWriter();

        PeriodPrinter.Print(Samples.OpenPeriod(), writer);

        var output = writer.ToString();
        Assert.Contains("State:                    open", output, StringComparison.Ordinal);
        Assert.Contains("End date:                 (open-ended)", output, StringComparison.Ordinal);
        Assert.Contains("Worker type:              not given (OTH)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hour", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PrintTable_Periods_OneLineEachWithStateAndDates()
    {
        var cancelled = Samples.OpenPeriod();
        cancelled.State = Dimona.V1.PeriodState.Cancelled;
        cancelled.EndDate = "2030-03-31";
        cancelled.StartHour = "0800";
        var writer = new StringWriter();

        PeriodPrinter.PrintTable([Samples.ClosedStudentPeriod(), Samples.OpenPeriod(), cancelled], writer);

        Assert.Equal(
            """
            Period        State      Worker       Type  Committee  Start       End         Hours       Planned
            857416368505  closed     93051822361  STU   XXX        2030-02-01  2030-06-30  until 1700  120
            219547190494  open       85031214540  OTH   XXX        2030-02-01  open        -           -
            219547190494  cancelled  85031214540  OTH   XXX        2030-02-01  2030-03-31  from 0800   -

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }
}
