using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// The data classes of the service's logs. <see cref="PersonalData"/> (a NISS, a name, a birth date, or any text that
/// may quote a request) is erased by the redactor before a log line is written.
/// </summary>
public static class DimonaTaxonomy
{
    public const string Name = "Dimona";

    /// <summary>Anything that may carry a worker's personal data.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));

    /// <summary>Every log line goes through redaction; <see cref="PersonalData"/> is erased.</summary>
    public static WebApplicationBuilder AddDimonaRedaction(this WebApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        builder.Services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(new DataClassificationSet(PersonalData)));
        return builder;
    }
}

/// <summary>Marks a logged parameter that may carry personal data: it is erased from the log.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(DimonaTaxonomy.PersonalData);

/// <summary>
/// The log lines for bugs met while handling a request. An exception's message may quote what it was given (a
/// FormatException quotes its input, for one), so it is logged as personal data: erased, while its type and stack
/// trace, which only name code, stay.
/// </summary>
public static partial class BugLog
{
    public static void Failed(this ILogger logger, Exception e, string what, LogLevel level = LogLevel.Error) =>
        logger.Failed(level, what, e.GetType().FullName ?? e.GetType().Name, e.Message, Trace(e));

    /// <summary>The types and stack traces of an exception and its inner ones, without their messages.</summary>
    private static string Trace(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            parts.Add($"{x.GetType().FullName}\n{x.StackTrace}");
        }
        return string.Join("\n --- inner: ", parts);
    }

    [LoggerMessage(EventId = 9000, Message = "{What}: {ExceptionType}: {ExceptionMessage}\n{Trace}")]
    private static partial void Failed(this ILogger logger, LogLevel level, string what, string exceptionType, [PersonalData] string exceptionMessage, string trace);
}
