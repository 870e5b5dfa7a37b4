using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dimona.Grpc.Hosting;

/// <summary>
/// TLS beyond what Kestrel reads from its own configuration (Kestrel:Endpoints:NAME:Url, Certificate,
/// ClientCertificateMode): the authority that client certificates must chain to, configuration key
/// Dimona:Tls:ClientCertificateAuthority (a PEM or DER certificate file). Without it a client certificate is checked
/// against the machine's trusted roots.
/// </summary>
public static class Tls
{
    public const string ClientCertificateAuthorityKey = "Dimona:Tls:ClientCertificateAuthority";

    /// <summary>The extended key usage a client certificate must allow: TLS client authentication.</summary>
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static WebApplicationBuilder AddDimonaTls(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[ClientCertificateAuthorityKey] is not { Length: > 0 } path)
        {
            return builder;
        }
        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.GetFullPath(path, builder.Environment.ContentRootPath));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ClientCertificateValidation = (certificate, _, _) => IssuedBy(authority, certificate)));
        return builder;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to <paramref name="authority"/> and may authenticate a TLS client.</summary>
    public static bool IssuedBy(X509Certificate2 authority, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A private authority seldom publishes revocation lists: revoke by replacing the authority.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        return chain.Build(certificate);
    }
}
