using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class EmployerPrinterTests
{
    [Fact]
    public void Print_DefinitiveEmployer_PrintsNameNumbersStatusAddressCategoryAndActivities()
    {
        var writer = new StringWriter();

        EmployerPrinter.Print(Samples.Acme(), writer);

        Assert.Equal(
            """
            Name:                     ACME SA
            Enterprise number:        0403019261
            ONSS number:              175110801
            Provisional ONSS number:  (none)
            Registration:             definitive
            Active:                   yes
            Address:                  Rue de la Loi 16 box 2, 1000 Bruxelles, BE
            Employer category:        000
            NACE-BEL codes:           25620 (main), 33120

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_InactiveProvisionalEmployer_SaysSo()
    {
        var employer = new Employer
        {
            Name = "Nouveau SRL",
            ProvisionalOnssNumber = "5000000120",
            RegistrationStatus = RegistrationStatus.Provisional,
            Active = false,
        };
        var writer = new StringWriter();

        EmployerPrinter.Print(employer, writer);

        var output = writer.ToString();
        Assert.Contains("ONSS number:              (none)", output, StringComparison.Ordinal);
        Assert.Contains("Provisional ONSS number:  5000000120", output, StringComparison.Ordinal);
        Assert.Contains("Registration:             provisional", output, StringComparison.Ordinal);
        Assert.Contains("Active:                   no", output, StringComparison.Ordinal);
        Assert.Contains("Address:                  (none)", output, StringComparison.Ordinal);
        Assert.Contains("Employer category:        (not known)", output, StringComparison.Ordinal);
        Assert.Contains("NACE-BEL codes:           (none)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_OneActivity_MarksItMain()
    {
        var employer = Samples.Acme();
        employer.NaceCodes.Clear();
        employer.NaceCodes.Add("56101");
        var writer = new StringWriter();

        EmployerPrinter.Print(employer, writer);

        Assert.EndsWith("\nNACE-BEL codes:           56101 (main)\n", writer.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
