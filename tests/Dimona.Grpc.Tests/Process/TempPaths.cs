namespace Dimona.Grpc.Tests.Process;

/// <summary>Temporary paths for one test, deleted (files, SQLite side files, folders) when disposed.</summary>
public sealed class TempPaths : IDisposable
{
    private readonly List<string> paths = [];

    /// <summary>A new path in the temporary folder; nothing is created.</summary>
    public string NewPath(string suffix = ".db")
    {
        var path = Path.Combine(Path.GetTempPath(), $"dimona-process-{Guid.NewGuid():N}{suffix}");
        paths.Add(path);
        return path;
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                DeleteDatabase(path);
            }
        }
    }
}
