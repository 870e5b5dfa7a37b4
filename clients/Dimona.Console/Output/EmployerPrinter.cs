using Dimona.V1;

namespace Dimona.Console.Output;

/// <summary>Prints an employer found by <c>dimona identify</c>, registered by <c>dimona register</c> or confirmed by <c>dimona confirm</c>.</summary>
internal static class EmployerPrinter
{
    private const string None = "(none)";

    public static void Print(Employer employer, TextWriter writer)
    {
        var fields = new FieldWriter(writer);
        fields.Field("Name", employer.Name);
        fields.Field("Enterprise number", OrNone(employer.EnterpriseNumber));
        fields.Field("ONSS number", OrNone(employer.OnssNumber));
        fields.Field("Provisional ONSS number", OrNone(employer.ProvisionalOnssNumber));
        fields.Field("Registration", Words.Of(employer.RegistrationStatus));
        fields.Field("Active", Words.YesNo(employer.Active));
        fields.Field("Address", employer.Address is null ? None : OrNone(Words.Of(employer.Address)));
        fields.Field("Employer category", employer.EmployerCategory.Length > 0 ? employer.EmployerCategory : "(not known)");
        fields.Field("NACE-BEL codes", NaceCodes(employer.NaceCodes));
    }

    /// <summary>"25620 (main), 33120": the main activity is the first.</summary>
    private static string NaceCodes(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? None : string.Join(", ", codes.Select((code, i) => i == 0 ? $"{code} (main)" : code));

    private static string OrNone(string value) => value.Length > 0 ? value : None;
}
