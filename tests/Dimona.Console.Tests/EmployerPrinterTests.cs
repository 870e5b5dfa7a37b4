using Dimona.Console.Output;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class EmployerPrinterTests
{
    [Fact]
    public void Print_DefinitiveEmployer_PrintsNameNumbersStatusAndAddress()
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
    }
}
