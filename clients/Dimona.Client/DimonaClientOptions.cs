using System.Security.Cryptography.X509Certificates;

namespace Dimona.Client;

/// <summary>How the client reaches the service and how long it waits.</summary>
public sealed class DimonaClientOptions
{
    /// <summary>The environment variable the samples and the console client read the token from.</summary>
    public const string TokenEnvironmentVariable = "DIMONA_TOKEN";

    /// <summary>The service's address; plain-text HTTP/2 for <c>http://</c>, TLS for <c>https://</c>.</summary>
    public Uri Address { get; set; } = new("http://localhost:5000");

    /// <summary>
    /// The deadline of a unary call that does not set its own. Streams (<c>SubmitDeclarationBatch</c>) get none: a
    /// bulk upload takes as long as it takes unless the caller says otherwise.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts of a call that fails with <c>UNAVAILABLE</c>, the first included (at least 1: no retry; gRPC caps it
    /// at 5). Only calls that are safe to repeat are retried: reads, and submissions, which carry a request id.
    /// </summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// How long a connection may stay silent before the client pings the service, while a call is open; a service
    /// that does not answer the ping within <see cref="KeepAlivePingTimeout"/> is taken as gone, and the calls on that
    /// connection fail with <c>UNAVAILABLE</c>. This is what ends a batch stream to a service that froze.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the client waits for the answer to a keep-alive ping.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The bearer token (a JWT naming the employers the caller acts for and its scopes) sent with every call as
    /// <c>authorization: Bearer ...</c>. None: the calls go on the unsecured channel, which only submits declarations
    /// and identifies employers, and only where the service has it on.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gives the token for each call (every attempt of a retried one), e.g. from a cache renewed before it expires;
    /// used instead of <see cref="Token"/> when set. Returning null or empty sends the call without a token.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? TokenProvider { get; set; }

    /// <summary>
    /// Over TLS, the authority the service's certificate must chain to instead of the roots the machine trusts: a
    /// private authority's certificate, or a self-signed service's own (revocation is not checked). None: the machine's
    /// roots. <see cref="DimonaCertificates.LoadAuthority"/> reads it from a PEM or DER file.
    /// </summary>
    public X509Certificate2? ServerAuthority { get; set; }

    /// <summary>
    /// Over TLS, the certificate, with its private key, that the client presents to a service asking for one (mutual
    /// TLS). It only opens the connection: what the caller may do still comes from its <see cref="Token"/>.
    /// <see cref="DimonaCertificates.LoadClientPem"/> and <see cref="DimonaCertificates.LoadClientPkcs12"/> read it.
    /// </summary>
    public X509Certificate2? ClientCertificate { get; set; }
}
