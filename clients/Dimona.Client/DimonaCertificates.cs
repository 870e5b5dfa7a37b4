using System.Security.Cryptography.X509Certificates;

namespace Dimona.Client;

/// <summary>
/// Reads the certificates of <see cref="DimonaClientOptions.ServerAuthority"/> and
/// <see cref="DimonaClientOptions.ClientCertificate"/> from files. A missing file throws
/// <see cref="FileNotFoundException"/>, an unreadable one <see cref="System.Security.Cryptography.CryptographicException"/>.
/// </summary>
public static class DimonaCertificates
{
    /// <summary>An authority's certificate (or a self-signed server's own) from a PEM or DER file.</summary>
    public static X509Certificate2 LoadAuthority(string path) => X509CertificateLoader.LoadCertificateFromFile(path);

    /// <summary>A client certificate with its private key from a PKCS#12 file (.pfx, .p12).</summary>
    public static X509Certificate2 LoadClientPkcs12(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>
    /// A client certificate from a PEM file, with its unencrypted private key from <paramref name="keyPath"/>, or from
    /// the certificate's own file when <paramref name="keyPath"/> is null.
    /// </summary>
    public static X509Certificate2 LoadClientPem(string certificatePath, string? keyPath = null)
    {
        // A key read from PEM is ephemeral, which TLS on Windows refuses: the certificate goes through PKCS#12 once.
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
