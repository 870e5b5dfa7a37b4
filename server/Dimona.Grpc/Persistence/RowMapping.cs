using System.Text.Json;
using System.Text.Json.Serialization;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Persistence;

/// <summary>Rows to domain values and back. Stored numbers were checked on the way in; a bad one means a corrupt row.</summary>
internal static class RowMapping
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static Employer ToDomain(this EmployerRow row) => new(
        row.Id,
        row.Name,
        row.EnterpriseNumber is null ? null : Parsed<EnterpriseNumber>(EnterpriseNumber.TryParse(row.EnterpriseNumber, out var e, out _), e),
        row.OnssNumber is null ? null : Parsed<OnssNumber>(OnssNumber.TryParseDefinitive(row.OnssNumber, out var o, out _), o),
        row.ProvisionalOnssNumber is null ? null : Parsed<OnssNumber>(OnssNumber.TryParseProvisional(row.ProvisionalOnssNumber, out var p, out _), p),
        row.Active,
        new Address(row.Street, row.HouseNumber, row.Box, row.PostCode, row.Municipality, row.Country),
        row.Category ?? "",
        row.NaceCodes is null ? [] : row.NaceCodes.Split(','));

    /// <summary>The stored form of NACE codes: comma-separated, main activity first; null when none.</summary>
    public static string? NaceText(IReadOnlyList<string>? codes) => codes is { Count: > 0 } ? string.Join(',', codes) : null;

    public static Declaration ToDomain(this DeclarationRow row) => new(
        Number(row.DeclarationNumber),
        Enum.Parse<DeclarationStatus>(row.Status),
        JsonSerializer.Deserialize<List<Anomaly>>(row.AnomaliesJson, Json) ?? [],
        row.PeriodId is null ? null : Period(row.PeriodId),
        row.ReceiveTime,
        row.ReceivedJson,
        row.IdentifiedNiss is null ? null : Worker(row.IdentifiedNiss));

    /// <summary>The period as the declaration declared or left it; null when it names no existing period.</summary>
    public static PeriodShape? ShapeOf(this DeclarationRow row) => row is { JointCommittee: { } committee, WorkerType: { } type, StartDate: { } start }
        ? new PeriodShape(committee, Enum.Parse<WorkerType>(type), start, row.EndDate, row.StartHour, row.EndHour, row.PlannedHours)
        : null;

    public static Period ToDomain(this PeriodRow row) => Domain.Period.Restore(
        Period(row.PeriodId),
        row.EmployerId,
        Worker(row.WorkerNiss),
        row.JointCommittee,
        Enum.Parse<WorkerType>(row.WorkerType),
        Enum.Parse<PeriodState>(row.State),
        row.StartDate,
        row.EndDate,
        row.StartHour,
        row.EndHour,
        row.PlannedHours);

    /// <summary>The stored form of a kind: IN, OUT, UPDATE, CANCEL.</summary>
    public static string TextOf(DeclarationKind kind) => kind.ToString().ToUpperInvariant();

    public static DeclarationKind KindOf(string text) => Enum.Parse<DeclarationKind>(text, ignoreCase: true);

    public static string AnomaliesToJson(IReadOnlyList<Anomaly> anomalies) => JsonSerializer.Serialize(anomalies, Json);

    private static DeclarationNumber Number(string text) => Parsed<DeclarationNumber>(DeclarationNumber.TryParse(text, out var n, out _), n);

    private static PeriodId Period(string text) => Parsed<PeriodId>(PeriodId.TryParse(text, out var id, out _), id);

    private static Niss Worker(string text) => Parsed<Niss>(Niss.TryParse(text, out var niss, out _), niss);

    private static T Parsed<T>(bool ok, T? value) where T : class =>
        ok && value is not null ? value : throw new InvalidDataException($"A stored {typeof(T).Name} fails its check digits.");
}
