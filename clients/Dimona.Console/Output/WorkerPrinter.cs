using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>
/// Prints the worker of a declaration: its NISS as given, or its identification data and, once an operator resolved
/// the declaration, the NISS found.
/// </summary>
internal static class WorkerPrinter
{
    public static void Print(Worker? worker, string identifiedNiss, FieldWriter fields)
    {
        switch (worker)
        {
            case { IdentityCase: Worker.IdentityOneofCase.Niss }:
                fields.Field("Worker", $"NISS {worker.Niss}");
                break;
            case { IdentityCase: Worker.IdentityOneofCase.Identification }:
                PrintIdentification(worker.Identification, identifiedNiss, fields);
                break;
            default:
                fields.Field("Worker", "not given");
                break;
        }
    }

    private static void PrintIdentification(WorkerIdentification identification, string identifiedNiss, FieldWriter fields)
    {
        var niss = identifiedNiss.Length > 0 ? $"identified as NISS {identifiedNiss}" : "no NISS";
        fields.Field("Worker", $"{identification.FamilyName}, {identification.GivenName} ({niss})");
        fields.Field("Born", string.Join(", ", new[]
        {
            identification.BirthDate, identification.BirthPlace, identification.BirthCountry,
        }.Where(part => part.Length > 0)));
        fields.Field("Sex", identification.Sex == Sex.Unspecified ? "not given" : Words.Of(identification.Sex));
        fields.Field("Nationality", identification.Nationality);
        fields.Field("Address", identification.Address is null ? "not given" : Words.Of(identification.Address));
    }
}
