using System.Globalization;
using Dimona.Console.Codes;
using Dimona.V1;
using Google.Protobuf.WellKnownTypes;

namespace Dimona.Console.Output;

/// <summary>Contract values in the words an operator reads.</summary>
internal static class Words
{
    public static string Of(DeclarationStatus status) =>
        DimonaCodes.DeclarationStatuses.CodeOf(status).Replace('_', ' ');

    public static string Of(Severity severity) => DimonaCodes.Severities.CodeOf(severity).ToLowerInvariant();

    public static string Of(RegistrationStatus status) => DimonaCodes.RegistrationStatuses.CodeOf(status).ToLowerInvariant();

    public static string Of(EmploymentNature nature) => DimonaCodes.EmploymentNatures.CodeOf(nature).ToLowerInvariant();

    public static string Of(Sex sex) => DimonaCodes.Sexes.CodeOf(sex).ToLowerInvariant();

    public static string Of(InternType internType) => DimonaCodes.InternTypes.CodeOf(internType);

    public static string Of(WorkerType workerType) =>
        workerType == WorkerType.Unspecified ? "not given (OTH)" : DimonaCodes.WorkerTypes.CodeOf(workerType);

    /// <summary>IN, OUT, UPDATE or CANCEL.</summary>
    public static string Of(DeclarationKind kind) => DimonaCodes.DeclarationKinds.CodeOf(kind);

    public static string Of(PeriodState state) => DimonaCodes.PeriodStates.CodeOf(state).ToLowerInvariant();

    /// <summary>What a declaration declares, from the content it carries; unspecified when it carries none this build knows.</summary>
    public static DeclarationKind KindOf(Declaration declaration) => declaration.ContentCase switch
    {
        Declaration.ContentOneofCase.DimonaIn => DeclarationKind.In,
        Declaration.ContentOneofCase.DimonaOut => DeclarationKind.Out,
        Declaration.ContentOneofCase.DimonaUpdate => DeclarationKind.Update,
        Declaration.ContentOneofCase.DimonaCancel => DeclarationKind.Cancel,
        _ => DeclarationKind.Unspecified,
    };

    /// <summary>The worker type's code, OTH when not given (the official default).</summary>
    public static string CodeOf(WorkerType workerType) =>
        DimonaCodes.WorkerTypes.CodeOf(workerType == WorkerType.Unspecified ? WorkerType.Oth : workerType);

    /// <summary>"0800-1700", "from 0800", "until 1700", or empty when neither hour is given.</summary>
    public static string Hours(string start, string end) => (start.Length > 0, end.Length > 0) switch
    {
        (true, true) => $"{start}-{end}",
        (true, false) => $"from {start}",
        (false, true) => $"until {end}",
        _ => "",
    };

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Of(Timestamp time) =>
        time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Of(EmployerId employer) => employer.NumberCase switch
    {
        EmployerId.NumberOneofCase.EnterpriseNumber => $"enterprise number {employer.EnterpriseNumber}",
        EmployerId.NumberOneofCase.OnssNumber => $"ONSS number {employer.OnssNumber}",
        EmployerId.NumberOneofCase.ProvisionalOnssNumber => $"provisional ONSS number {employer.ProvisionalOnssNumber}",
        _ => "not given",
    };

    /// <summary>One line: "Rue de la Loi 16 box 2, 1000 Brussel, BE".</summary>
    public static string Of(Address address)
    {
        var street = string.Join(' ', new[] { address.Street, address.HouseNumber }.Where(part => part.Length > 0));
        if (address.Box.Length > 0)
        {
            street += $" box {address.Box}";
        }

        var town = string.Join(' ', new[] { address.PostCode, address.Municipality }.Where(part => part.Length > 0));
        return string.Join(", ", new[] { street, town, address.Country }.Where(part => part.Length > 0));
    }
}
