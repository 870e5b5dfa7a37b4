using Dimona.V1;

namespace Dimona.Console.Codes;

/// <summary>The codes of the contract's enums, as operators type and read them.</summary>
internal static class DimonaCodes
{
    public static readonly ProtoEnumCodes<WorkerType> WorkerTypes = new("WORKER_TYPE_");
    public static readonly ProtoEnumCodes<EmploymentNature> EmploymentNatures = new("EMPLOYMENT_NATURE_");
    public static readonly ProtoEnumCodes<InternType> InternTypes = new("INTERN_TYPE_");
    public static readonly ProtoEnumCodes<Sex> Sexes = new("SEX_");
    public static readonly ProtoEnumCodes<DeclarationStatus> DeclarationStatuses = new("DECLARATION_STATUS_");
    public static readonly ProtoEnumCodes<Severity> Severities = new("SEVERITY_");
    public static readonly ProtoEnumCodes<RegistrationStatus> RegistrationStatuses = new("REGISTRATION_STATUS_");
    public static readonly ProtoEnumCodes<RegistrationChannel> RegistrationChannels = new("REGISTRATION_CHANNEL_");
    public static readonly ProtoEnumCodes<DeclarationKind> DeclarationKinds = new("DECLARATION_KIND_");
    public static readonly ProtoEnumCodes<PeriodState> PeriodStates = new("PERIOD_STATE_");

    /// <summary>The end date of a Dimona UPDATE that removes the period's end date and re-opens it.</summary>
    public const string ReOpenEndDate = "9999-12-31";

    /// <summary>"Dimona OUT": a kind as operators name it.</summary>
    public static string Named(this DeclarationKind kind) => $"Dimona {DeclarationKinds.CodeOf(kind)}";

    /// <summary>Reads the code given to an option, or explains which codes that option takes.</summary>
    public static T Parse<T>(this ProtoEnumCodes<T> codes, string text, string optionName)
        where T : struct, Enum
    {
        if (codes.TryParse(text, out var value))
        {
            return value;
        }

        throw new UsageException(
            $"{optionName}: unknown code '{text}'; valid codes: {string.Join(", ", codes.Codes)}");
    }
}
