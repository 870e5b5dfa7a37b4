using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dimona.V1;

namespace Dimona.Console.Tests;

/// <summary>The global --ca-file, --client-cert and --client-key options: the files they name reach the client library's options.</summary>
public sealed class TlsOptionsTests : IDisposable
{
    private readonly FakeDimonaClient client = new() { GetResponse = new GetDeclarationResponse { Declaration = Samples.RefusedStg() } };
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly string folder = Directory.CreateTempSubdirectory("dimona-console-tls-").FullName;

    [Fact]
    public async Task Run_CaFileAndClientCertWithItsKey_ConnectWithThatAuthorityAndCertificate()
    {
        var (authority, _) = WriteCertificate("ca.pem", "CN=Private authority", withKey: false);
        var (certificate, _) = WriteCertificate("client.pem", "CN=payroll-office", withKey: true);

        var exitCode = await RunAsync("--ca-file", authority.Path, "--client-cert", certificate.Path, "get", "658690837083");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(authority.Thumbprint, client.Options?.ServerAuthority?.Thumbprint);
        Assert.Equal(certificate.Thumbprint, client.Options?.ClientCertificate?.Thumbprint);
        Assert.True(client.Options?.ClientCertificate?.HasPrivateKey);
    }

    [Fact]
    public async Task Run_ClientKeyInItsOwnFile_IsTheCertificatesKey()
    {
        var (certificate, keyPath) = WriteCertificate("client.pem", "CN=payroll-office", withKey: false);

        var exitCode = await RunAsync("get", "658690837083", "--client-cert", certificate.Path, "--client-key", keyPath);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Null(client.Options?.ServerAuthority);
        Assert.Equal(certificate.Thumbprint, client.Options?.ClientCertificate?.Thumbprint);
        Assert.True(client.Options?.ClientCertificate?.HasPrivateKey);
    }

    [Fact]
    public async Task Run_NoTlsOption_LeavesTheSystemsTrustAndNoCertificate()
    {
        var exitCode = await RunAsync("get", "658690837083");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Null(client.Options?.ServerAuthority);
        Assert.Null(client.Options?.ClientCertificate);
    }

    [Theory]
    [InlineData("--ca-file")]
    [InlineData("--client-cert")]
    public async Task Run_FileMissing_IsAUsageErrorNamingTheOption(string option)
    {
        var path = Path.Combine(folder, "missing.pem");

        var exitCode = await RunAsync(option, path, "get", "658690837083");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.Equal($"error: {option}: no file at '{path}'", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Run_CaFileNotACertificate_IsAUsageError()
    {
        var path = Path.Combine(folder, "ca.pem");
        await File.WriteAllTextAsync(path, "not a certificate", TestContext.Current.CancellationToken);

        var exitCode = await RunAsync("--ca-file", path, "get", "658690837083");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith($"error: --ca-file: cannot read a PEM or DER certificate from '{path}'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ClientCertWithoutItsKey_IsAUsageErrorSayingWhereTheKeyGoes()
    {
        var (certificate, _) = WriteCertificate("client.pem", "CN=payroll-office", withKey: false);

        var exitCode = await RunAsync("--client-cert", certificate.Path, "get", "658690837083");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Empty(client.Requests);
        Assert.StartsWith(
            $"error: --client-cert: cannot read a PEM certificate and its private key (or give the key with --client-key) from '{certificate.Path}'",
            error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ClientKeyWithoutCertificate_IsAUsageError()
    {
        var (_, keyPath) = WriteCertificate("client.pem", "CN=payroll-office", withKey: false);

        var exitCode = await RunAsync("--client-key", keyPath, "get", "658690837083");

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("error: --client-key: give the certificate too, with --client-cert", error.ToString().TrimEnd());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// A self-signed certificate written as PEM to <paramref name="name"/>, its key in the same file when
    /// <paramref name="withKey"/>, and always in a file of its own (the second value).
    /// </summary>
    private ((string Path, string Thumbprint) Certificate, string KeyPath) WriteCertificate(string name, string subject, bool withKey)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, name);
        var keyPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".key");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + (withKey ? key.ExportPkcs8PrivateKeyPem() + "\n" : ""));
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return ((path, certificate.Thumbprint), keyPath);
    }

    private Task<int> RunAsync(params string[] args) =>
        new DimonaCli(client.Connect, output, error).RunAsync(args, TestContext.Current.CancellationToken);
}
