using System.CommandLine;
using System.Security.Cryptography;
using Dimona.Client;

namespace Dimona.Console.Commands;

/// <summary>
/// The global --ca-file, --client-cert and --client-key options: the authority the service's certificate must chain
/// to, and the client certificate (PEM, its key in the same file or in --client-key) for a service that requires one.
/// Each has an environment variable as its default, like --token.
/// </summary>
internal sealed class TlsOptions
{
    public const string CaFileVariable = "DIMONA_CA_FILE";
    public const string ClientCertVariable = "DIMONA_CLIENT_CERT";
    public const string ClientKeyVariable = "DIMONA_CLIENT_KEY";

    private readonly Option<string?> caFile = Create(
        "--ca-file", CaFileVariable, "Certificate (PEM or DER) of the authority the service's TLS certificate must chain to, instead of the system's roots");

    private readonly Option<string?> clientCert = Create(
        "--client-cert", ClientCertVariable, "Client certificate (PEM) presented to a service that requires one; its private key in the same file or in --client-key");

    private readonly Option<string?> clientKey = Create(
        "--client-key", ClientKeyVariable, "Unencrypted private key (PEM) of --client-cert");

    public IEnumerable<Option> All => [caFile, clientCert, clientKey];

    /// <summary>Reads the files the options name into <paramref name="options"/>; a missing or unreadable file is a usage error.</summary>
    public void Apply(ParseResult parseResult, DimonaClientOptions options)
    {
        var authority = Given(parseResult.GetValue(caFile));
        var certificate = Given(parseResult.GetValue(clientCert));
        var key = Given(parseResult.GetValue(clientKey));
        if (authority is not null)
        {
            options.ServerAuthority = Load("--ca-file", authority, "a PEM or DER certificate", () => DimonaCertificates.LoadAuthority(authority));
        }
        if (certificate is not null)
        {
            var what = key is null ? "a PEM certificate and its private key (or give the key with --client-key)" : "a PEM certificate";
            if (key is not null)
            {
                Load("--client-key", key, "a PEM private key", () => File.ReadAllText(key));
            }
            options.ClientCertificate = Load("--client-cert", certificate, what, () => DimonaCertificates.LoadClientPem(certificate, key));
        }
        else if (key is not null)
        {
            throw new UsageException("--client-key: give the certificate too, with --client-cert");
        }
    }

    private static Option<string?> Create(string name, string variable, string description) => new(name)
    {
        Description = $"{description}; ${variable} sets the default",
        HelpName = "path",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(variable),
    };

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T Load<T>(string option, string path, string what, Func<T> load)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: no file at '{path}'");
        }
        try
        {
            return load();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"{option}: cannot read {what} from '{path}': {exception.Message}");
        }
    }
}
