namespace Dimona.Console.Batch;

/// <summary>
/// The request_id of a batch line that gives none: a version-5 UUID of the line's number and its text as written,
/// so that running the same file again, from any folder or machine, sends the same ids and creates nothing new.
/// Editing a line, or inserting lines above it, gives it a new id.
/// </summary>
internal static class BatchRequestId
{
    private static readonly Guid Namespace = new("ef48d830-4487-4164-976c-c544d9e5a4e7");

    public static string For(int lineNumber, string lineText) =>
        NameBasedUuid.Version5(Namespace, $"{lineNumber}\n{lineText.ReplaceLineEndings("\n")}").ToString();
}
