using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class DeclarationPrinterTests
{
    [Fact]
    public void PrintResult_RefusedWithAnomalies_PrintsStatusNumbersAndOneLinePerAnomaly()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(Samples.RefusedStg(), writer);

        Assert.Equal(
            """
            Status:                   REFUSED
            Declaration number:       658690837083
            Request id:               0f8fad5b-d9cb-469f-a165-70867728950e
            Received:                 2027-01-15 09:30:12 UTC
            Anomalies (2):
              00911-001  blocking  dimona_in.end_date    The end date is required for worker type STG.
              90373-460  warning   dimona_in.start_date  Declared after the start date.

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(DeclarationStatus.Accepted, "ACCEPTED")]
    [InlineData(DeclarationStatus.AcceptedWithWarnings, "ACCEPTED WITH WARNINGS")]
    [InlineData(DeclarationStatus.Refused, "REFUSED")]
    [InlineData(DeclarationStatus.Pending, "PENDING")]
    public void PrintResult_Status_IsWrittenInWords(DeclarationStatus status, string words)
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(new Declaration { Status = status, DeclarationNumber = "658690837083" }, writer);

        Assert.StartsWith($"Status:                   {words}{Environment.NewLine}", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintResult_Accepted_PrintsPeriodIdAndNoAnomalies()
    {
        var declaration = new Declaration
        {
            Status = DeclarationStatus.Accepted,
            DeclarationNumber = "658690837083",
            PeriodId = "658690837083",
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(declaration, writer);

        var output = writer.ToString();
        Assert.Contains("Period id:                658690837083", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Anomalies", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Received", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_StgIn_PrintsResultThenWhatWasReceived()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(Samples.RefusedStg(), writer);

        var output = writer.ToString().ReplaceLineEndings("\n");
        Assert.EndsWith(
            """
            Anomalies (2):
              00911-001  blocking  dimona_in.end_date    The end date is required for worker type STG.
              90373-460  warning   dimona_in.start_date  Declared after the start date.

            Declaration:              Dimona IN
            Employer:                 enterprise number 0403019261
            Worker:                   NISS 93051822361
            Start date:               2027-02-01
            End date:                 (open-ended)
            Joint committee:          XXX
            Worker type:              STG
            Small statutes:           employee, activity with risk 401, intern type F1
            Reference:                stage-2027

            """,
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_HoursAndPlannedHours_ArePrinted()
    {
        var declaration = Samples.RefusedStg();
        declaration.DimonaIn = new DimonaIn
        {
            StartDate = "2027-02-01",
            EndDate = "2027-02-01",
            StartHour = "0800",
            EndHour = "1700",
            JointCommittee = "302",
            WorkerType = WorkerType.Stu,
            PlannedHours = 8,
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        var output = writer.ToString();
        Assert.Contains("End date:                 2027-02-01", output, StringComparison.Ordinal);
        Assert.Contains("Start hour:               0800", output, StringComparison.Ordinal);
        Assert.Contains("End hour:                 1700", output, StringComparison.Ordinal);
        Assert.Contains("Worker type:              STU", output, StringComparison.Ordinal);
        Assert.Contains("Planned hours:            8", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Small statutes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_WorkerWithoutNiss_PrintsIdentification()
    {
        var declaration = Samples.RefusedStg();
        declaration.Status = DeclarationStatus.Pending;
        declaration.Worker = new Worker
        {
            Identification = new WorkerIdentification
            {
                FamilyName = "Dupont",
                GivenName = "Marie",
                BirthDate = "1990-04-01",
                BirthPlace = "Liège",
                BirthCountry = "BE",
                Sex = Sex.Female,
                Nationality = "BE",
                Address = new Address { Street = "Rue Haute", HouseNumber = "12", PostCode = "1000", Municipality = "Bruxelles", Country = "BE" },
            },
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        Assert.Contains(
            """
            Worker:                   Dupont, Marie (no NISS)
            Born:                     1990-04-01, Liège, BE
            Sex:                      female
            Nationality:              BE
            Address:                  Rue Haute 12, 1000 Bruxelles, BE
            """,
            writer.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }
}
