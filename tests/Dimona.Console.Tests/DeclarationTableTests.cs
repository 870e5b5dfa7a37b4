using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class DeclarationTableTests
{
    [Fact]
    public void Print_EachKind_OneLineSayingWhatItDeclaresUnderAHeader()
    {
        var writer = new StringWriter();

        DeclarationTable.Print([Samples.RefusedCancel(), Samples.ReOpeningUpdate(), Samples.AcceptedOut(), Samples.FlexiShift(), Samples.RefusedStg()], writer);

        Assert.Equal(
            """
            Number        Kind    Status    Period        Worker       Declared                          Received (UTC)    Anomalies
            211224087613  CANCEL  REFUSED   759375962669  -            cancels the period                2030-03-02 08:00  00913-355
            694242409642  UPDATE  ACCEPTED  759375962669  85031214540  re-opens, hours from 0900         2030-03-01 08:00
            125642118166  OUT     ACCEPTED  857416368505  -            ends 2030-06-30 at 1700           2030-06-28 16:05
            651770215570  IN      ACCEPTED  651770215570  99070723138  2030-05-02 0800-1200, FLX         2030-05-01 07:30
            658690837083  IN      REFUSED   -             93051822361  from 2027-02-01, open-ended, STG  2027-01-15 09:30  00911-001 90373-460

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_InOverSeveralDaysWithoutType_ShowsBothDatesAndOth()
    {
        var declaration = Samples.FlexiShift();
        declaration.DimonaIn = new DimonaIn { StartDate = "2030-02-01", EndDate = "2030-03-31", EndHour = "1700", JointCommittee = "XXX" };
        var writer = new StringWriter();

        DeclarationTable.Print([declaration], writer);

        Assert.Contains("2030-02-01 to 2030-03-31 until 1700, OTH", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Print_UpdateOfDatesAndPlannedHours_ListsEachChange()
    {
        var declaration = Samples.ReOpeningUpdate();
        declaration.DimonaUpdate = new DimonaUpdate { PeriodId = "759375962669", StartDate = "2030-02-03", EndDate = "2030-04-30", PlannedHours = 30 };

        Assert.Equal("start 2030-02-03, end 2030-04-30, planned 30 h", DeclarationTable.Declared(declaration));
    }

    [Fact]
    public void Print_WithEmployer_AddsItsNumberAndShowsAWorkerWithoutNissByNameAndBirthDate()
    {
        var pending = new Declaration
        {
            DeclarationNumber = "195187774801",
            Status = DeclarationStatus.Pending,
            Employer = new EmployerId { ProvisionalOnssNumber = "5123456773" },
            Worker = new Worker
            {
                Identification = new WorkerIdentification { FamilyName = "Peeters", GivenName = "An", BirthDate = "2004-05-17" },
            },
            DimonaIn = new DimonaIn { StartDate = "2030-02-01", EndDate = "2030-03-31", WorkerType = WorkerType.Stg },
        };
        var writer = new StringWriter();

        DeclarationTable.Print([pending], writer, withEmployer: true);

        Assert.Equal(
            """
            Number        Kind  Status   Period  Employer    Worker                         Declared                       Received (UTC)  Anomalies
            195187774801  IN    PENDING  -       5123456773  Peeters, An (born 2004-05-17)  2030-02-01 to 2030-03-31, STG  -

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_ResolvedDeclaration_ShowsTheNissFoundAfterTheName()
    {
        var resolved = new Declaration
        {
            DeclarationNumber = "195187774801",
            Status = DeclarationStatus.Accepted,
            IdentifiedNiss = "04051712345",
            Worker = new Worker { Identification = new WorkerIdentification { FamilyName = "Peeters", GivenName = "An", BirthDate = "2004-05-17" } },
            DimonaIn = new DimonaIn { StartDate = "2030-02-01" },
        };
        var writer = new StringWriter();

        DeclarationTable.Print([resolved], writer);

        Assert.Contains("Peeters, An (born 2004-05-17): 04051712345", writer.ToString(), StringComparison.Ordinal);
    }
}
