namespace Dimona.Grpc.Domain.Identifiers;

/// <summary>Digit-string helpers shared by the identifier types.</summary>
internal static class Digits
{
    public static bool AreAll(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    /// <summary>Checks that <paramref name="text"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool Exactly(string text, int length) => text.Length == length && AreAll(text);
}
