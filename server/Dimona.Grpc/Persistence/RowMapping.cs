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
        new Address(row.Street, row.HouseNumber, row.Box, row.PostCode, row.Municipality, row.Country));

    public static Declaration ToDomain(this DeclarationRow row) => new(
        Number(row.DeclarationNumber),
        Enum.Parse<DeclarationStatus>(row.Status),
        JsonSerializer.Deserialize<List<Anomaly>>(row.AnomaliesJson, Json) ?? [],
        row.PeriodId is null ? null : Number(row.PeriodId),
        row.ReceiveTime,
        row.ReceivedJson);

    public static DimonaPeriod ToDomain(this PeriodRow row) => new(
        Number(row.PeriodId),
        row.EmployerId,
        row.JointCommittee,
        Enum.Parse<WorkerType>(row.WorkerType),
        row.StartDate,
        row.EndDate,
        row.StartHour,
        row.EndHour);

    public static string AnomaliesToJson(IReadOnlyList<Anomaly> anomalies) => JsonSerializer.Serialize(anomalies, Json);

    private static DimonaNumber Number(string text) => Parsed<DimonaNumber>(DimonaNumber.TryParse(text, out var n, out _), n);

    private static T Parsed<T>(bool ok, T? value) where T : class =>
        ok && value is not null ? value : throw new InvalidDataException($"A stored {typeof(T).Name} fails its check digits.");
}
