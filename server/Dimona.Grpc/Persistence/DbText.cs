using System.Globalization;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Dates and times in the text forms Microsoft.Data.Sqlite binds them in, and EF Core reads them back from, for the
/// statements the writer runs through SQLite's own API.
/// </summary>
internal static class DbText
{
    public static string Of(DateTimeOffset value) => value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string Of(DateOnly value) => value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);

    public static string? Of(DateOnly? value) => value is { } v ? Of(v) : null;

    public static string? Of(TimeOnly? value) => value is { } v
        ? v.ToString(v.Ticks % TimeSpan.TicksPerSecond == 0 ? @"HH\:mm\:ss" : @"HH\:mm\:ss\.fffffff", CultureInfo.InvariantCulture)
        : null;
}
