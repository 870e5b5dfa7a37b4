using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Security;

/// <summary>
/// The development issuer: a random signing key kept in a file beside the SQLite database, or in the program's
/// <c>data</c> folder on PostgreSQL (created readable by its owner only on first use), with which the server's <c>token</c> verb mints tokens that the server then accepts. On only
/// when <c>Dimona:Auth:DevelopmentIssuer</c> is true, as in appsettings.Development.json.
/// </summary>
public sealed class DevelopmentIssuer(DatabaseLocation database, IHostEnvironment environment, IOptions<AuthSettings> settings)
{
    /// <summary>The <c>iss</c> of the tokens it mints.</summary>
    public const string Issuer = "dimona-development";

    private readonly Lazy<SymmetricSecurityKey> key = new(() => new SymmetricSecurityKey(LoadOrCreate(KeyPathOf(database, environment))));

    public bool IsOn => settings.Value.DevelopmentIssuer;

    /// <summary>The key file: <c>dimona.dev-signing-key</c> beside <c>dimona.db</c>, or in <c>data/</c> on PostgreSQL.</summary>
    public string KeyPath => KeyPathOf(database, environment);

    /// <summary>The signing key, read from its file or created there.</summary>
    public SymmetricSecurityKey Key => key.Value;

    private static string KeyPathOf(DatabaseLocation database, IHostEnvironment environment) => database.Provider == DatabaseProvider.Sqlite
        ? Path.ChangeExtension(database.Name, ".dev-signing-key")
        : Path.Combine(environment.ContentRootPath, "data", "dimona.dev-signing-key");

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var writer = new StreamWriter(path, options);
                writer.Write(Convert.ToBase64String(fresh));
                return fresh;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created meanwhile by the server or another token command: read that one.
            }
        }
        return AuthSettings.KeyBytes(File.ReadAllText(path)) is { Length: >= 32 } bytes
            ? bytes
            : throw new InvalidDataException($"{path} does not hold a base64 key of at least 32 bytes: delete it to get a new one.");
    }
}
