using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>Prints the worker of a declaration: its NISS as given, or its identification data.</summary>
internal static class WorkerPrinter
{
    public static void Print(Worker? worker, FieldWriter fields)
    {
        switch (worker)
        {
            case { IdentityCase: Worker.IdentityOneofCase.Niss }:
                fields.Field("Worker", $"NISS {worker.Niss}");
                break;
            case { IdentityCase: Worker.IdentityOneofCase.Identification }:
                PrintIdentification(worker.Identification, fields);
                break;
            default:
                fields.Field("Worker", "not given");
                break;
        }
    }

    private static void PrintIdentification(WorkerIdentification identification, FieldWriter fields)
    {
        fields.Field("Worker", $"{identification.FamilyName}, {identification.GivenName} (no NISS)");
        fields.Field("Born", string.Join(", ", new[]
        {
            identification.BirthDate, identification.BirthPlace, identification.BirthCountry,
        }.Where(part => part.Length > 0)));
        fields.Field("Sex", identification.Sex == Sex.Unspecified ? "not given" : Words.Of(identification.Sex));
        fields.Field("Nationality", identification.Nationality);
        fields.Field("Address", identification.Address is null ? "not given" : Words.Of(identification.Address));
    }
}
