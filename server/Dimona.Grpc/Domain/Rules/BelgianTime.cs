namespace Dimona.Grpc.Domain.Rules;

/// <summary>"Today" for the rules is the civil date in Belgium (Europe/Brussels).</summary>
public static class BelgianTime
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTime ToBrussels(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Brussels).DateTime;
}
