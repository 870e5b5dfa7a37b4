using System.Diagnostics.CodeAnalysis;

namespace Dimona.Console.Requests;

/// <summary>Whether an option was given a value: an empty or blank value counts as not given.</summary>
internal static class Given
{
    public static bool IsGiven([NotNullWhen(true)] this string? value) => !string.IsNullOrWhiteSpace(value);
}
