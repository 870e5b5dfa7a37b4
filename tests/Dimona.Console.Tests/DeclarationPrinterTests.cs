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

    [Fact]
    public void PrintResult_Preview_SaysNothingWasStoredAndPrintsNoNumber()
    {
        var preview = new Declaration
        {
            ValidateOnly = true,
            Status = DeclarationStatus.Accepted,
            RequestId = "6fc7f4a1-eaf7-48f9-a595-da3b1dacb8c3",
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(preview, writer);

        Assert.Equal(
            """
            Preview only:             nothing was stored and no number was drawn; send it again without validate-only to declare it
            Status:                   ACCEPTED
            Request id:               6fc7f4a1-eaf7-48f9-a595-da3b1dacb8c3

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void PrintResult_StoredDeclaration_SaysNothingOfAPreview()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(Samples.AcceptedOut(), writer);

        Assert.DoesNotContain("Preview", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintResult_ResolvedPendingDeclaration_PrintsTheIdentifiedNiss()
    {
        var declaration = new Declaration
        {
            Status = DeclarationStatus.Accepted,
            DeclarationNumber = "195187774801",
            PeriodId = "195187774801",
            IdentifiedNiss = "04051712345",
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintResult(declaration, writer);

        Assert.Contains("Identified NISS:          04051712345", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_ResolvedPendingDeclaration_NamesItsWorkerWithTheNissFound()
    {
        var declaration = Samples.RefusedStg();
        declaration.Status = DeclarationStatus.Accepted;
        declaration.IdentifiedNiss = "90040112345";
        declaration.Worker = new Worker { Identification = new WorkerIdentification { FamilyName = "Dupont", GivenName = "Marie", BirthDate = "1990-04-01" } };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        Assert.Contains("\nWorker:                   Dupont, Marie (identified as NISS 90040112345)\n", writer.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_Out_PrintsThePeriodToCloseItsEndDateAndHour()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(Samples.AcceptedOut(), writer);

        Assert.EndsWith(
            """
            Period id:                857416368505
            Request id:               305c78b3-f7ec-49e1-86ee-5379def6bd27
            Received:                 2030-06-28 16:05:00 UTC

            Declaration:              Dimona OUT
            Employer:                 enterprise number 0403019261
            Worker:                   not given
            Period to close:          857416368505
            End date:                 2030-06-30
            End hour:                 1700

            """,
            writer.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_UpdateReOpening_SaysTheEndDateIsRemovedAndPrintsOnlyWhatChanges()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(Samples.ReOpeningUpdate(), writer);

        Assert.EndsWith(
            """
            Declaration:              Dimona UPDATE
            Employer:                 enterprise number 0403019261
            Worker:                   NISS 85031214540
            Period to change:         759375962669
            New end date:             none: re-opens the period (9999-12-31)
            New start hour:           0900

            """,
            writer.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_UpdateOfDatesAndPlannedHours_PrintsThem()
    {
        var declaration = Samples.ReOpeningUpdate();
        declaration.DimonaUpdate = new DimonaUpdate { PeriodId = "759375962669", StartDate = "2030-02-03", EndDate = "2030-04-30", PlannedHours = 30 };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        var output = writer.ToString();
        Assert.Contains("New start date:           2030-02-03", output, StringComparison.Ordinal);
        Assert.Contains("New end date:             2030-04-30", output, StringComparison.Ordinal);
        Assert.Contains("New planned hours:        30", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hour:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_Cancel_PrintsThePeriodToCancel()
    {
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(Samples.RefusedCancel(), writer);

        Assert.EndsWith(
            """
            Declaration:              Dimona CANCEL
            Employer:                 enterprise number 0403019261
            Worker:                   not given
            Period to cancel:         759375962669

            """,
            writer.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_InWithPlaceOfWorkUserCompanyAndCards_PrintsThem()
    {
        var declaration = Samples.RefusedStg();
        declaration.DimonaIn = new DimonaIn
        {
            StartDate = "2030-07-01",
            EndDate = "2030-07-31",
            JointCommittee = "322",
            WorkerType = WorkerType.Stu,
            StudentPlaceOfWork = new PlaceOfWork
            {
                Name = "Winkel Meir",
                Address = new Address { Street = "Meir", HouseNumber = "1", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            },
            UserCompany = new UserCompany { EnterpriseNumber = "0123456749" },
            FirstMonthC32ANumber = "123456789012",
            NextMonthC32ANumber = "123456789013",
        };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        Assert.Contains(
            """
            Place of work:            Winkel Meir, Meir 1, 2000 Antwerpen, BE
            User company:             enterprise number 0123456749
            C3.2A first month:        123456789012
            C3.2A next month:         123456789013
            Reference:                stage-2027
            """,
            writer.ToString().ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void PrintDeclaration_UserCompanyByNameWithoutAddress_SaysTheAddressIsMissing()
    {
        var declaration = Samples.RefusedStg();
        declaration.DimonaIn.UserCompany = new UserCompany { Name = "Bouw NV" };
        var writer = new StringWriter();

        DeclarationPrinter.PrintDeclaration(declaration, writer);

        Assert.Contains("User company:             Bouw NV, address not given", writer.ToString(), StringComparison.Ordinal);
    }
}
