using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dimona.Grpc.Tests.Integration;
using Dimona.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Dimona.Client;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dimona.Grpc.Tests.Process;

/// <summary>
/// The built server over TLS, configured through Kestrel's own settings (docs/operations.md, "TLS and client
/// certificates") with certificates the test makes: a self-signed server certificate, and for client certificates an
/// authority of the test's own.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class TlsTests : IDisposable
{
    private const string Password = "test-only";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string folder = Directory.CreateTempSubdirectory("dimona-tls-").FullName;

    [Fact(Timeout = 120_000)]
    public async Task Https_SelfSignedCertificate_ClientTrustingIt_DeclaresOverHttp2WithTls()
    {
        using var serverCertificate = SelfSigned("CN=127.0.0.1", serverAuth: true);
        var port = LoopbackPort.Free();
        await using var server = ServerProcess.Start(environment: Https(port, serverCertificate));
        using var channel = Channel(port, serverCertificate);
        await WaitServingAsync(server, channel);

        var reply = await new DimonaService.DimonaServiceClient(channel).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);

        Assert.Equal(DeclarationStatus.Accepted, reply.Declaration.Status);
        using var untrusting = GrpcChannel.ForAddress($"https://127.0.0.1:{port}");
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new DimonaService.DimonaServiceClient(untrusting).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
        // The client refuses the handshake itself: gRPC reports it as INTERNAL (or UNAVAILABLE), never a declaration.
        Assert.Contains(refused.StatusCode, new[] { StatusCode.Internal, StatusCode.Unavailable });
    }

    [Fact(Timeout = 120_000)]
    public async Task Https_ClientCertificateRequired_OnlyACertificateOfTheConfiguredAuthorityGetsIn()
    {
        using var serverCertificate = SelfSigned("CN=127.0.0.1", serverAuth: true);
        using var authority = Authority("CN=Dimona test clients");
        using var member = Issue(authority, "CN=payroll-office");
        using var stranger = SelfSigned("CN=stranger", serverAuth: false);
        var authorityPath = Path.Combine(folder, "clients-ca.pem");
        await File.WriteAllTextAsync(authorityPath, authority.ExportCertificatePem(), Ct);
        var port = LoopbackPort.Free();
        var environment = Https(port, serverCertificate);
        environment["Kestrel__Endpoints__Https__ClientCertificateMode"] = "RequireCertificate";
        environment["Dimona__Tls__ClientCertificateAuthority"] = authorityPath;
        await using var server = ServerProcess.Start(environment: environment);
        using var withMember = Channel(port, serverCertificate, member);
        await WaitServingAsync(server, withMember);

        var reply = await new DimonaService.DimonaServiceClient(withMember).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct);

        Assert.Equal(DeclarationStatus.Accepted, reply.Declaration.Status);
        // The client library over TLS: its handler takes the trust and the client certificate.
        var services = new ServiceCollection();
        services.AddDimonaClient(options =>
            {
                options.Address = new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
                options.Token = TestTokens.Default;
            })
            .ConfigurePrimaryHttpMessageHandler((handler, _) => Trusting((SocketsHttpHandler)handler, serverCertificate, member));
        await using (var provider = services.BuildServiceProvider())
        {
            var library = provider.GetRequiredService<DimonaService.DimonaServiceClient>();
            var identified = await library.IdentifyEmployerAsync(
                new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);
            Assert.Equal(Requests.DefinitiveEmployer, identified.Employer.EnterpriseNumber);
        }
        foreach (var client in new[] { (X509Certificate2?)null, stranger })
        {
            using var channel = Channel(port, serverCertificate, client);
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                new DimonaService.DimonaServiceClient(channel).SubmitDeclarationAsync(Requests.Stg(), cancellationToken: Ct).ResponseAsync);
            Assert.Contains(refused.StatusCode, new[] { StatusCode.Internal, StatusCode.Unavailable });
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Https_ClientCertificateRequired_DimonaClientCreateWithTheOptionsFromFiles_Identifies()
    {
        var (server, port, serverCertificate, member) = await StartRequiringClientCertificatesAsync();
        await using var _ = server;
        using (serverCertificate)
        using (member)
        {
            var serverPath = Path.Combine(folder, "server.pem");
            await File.WriteAllTextAsync(serverPath, serverCertificate.ExportCertificatePem(), Ct);
            var memberPath = Path.Combine(folder, "member.pfx");
            await File.WriteAllBytesAsync(memberPath, member.Export(X509ContentType.Pkcs12, Password), Ct);

            var client = DimonaClient.Create(new DimonaClientOptions
            {
                Address = Https(port),
                Token = TestTokens.Default,
                ServerAuthority = DimonaCertificates.LoadAuthority(serverPath),
                ClientCertificate = DimonaCertificates.LoadClientPkcs12(memberPath, Password),
            });
            var identified = await client.IdentifyEmployerAsync(
                new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct);

            Assert.Equal(Requests.DefinitiveEmployer, identified.Employer.EnterpriseNumber);
            var withoutCertificate = DimonaClient.Create(new DimonaClientOptions
            {
                Address = Https(port),
                Token = TestTokens.Default,
                ServerAuthority = DimonaCertificates.LoadAuthority(serverPath),
                MaxAttempts = 1,
            });
            var refused = await Assert.ThrowsAsync<RpcException>(() => withoutCertificate.IdentifyEmployerAsync(
                new IdentifyEmployerRequest { Employer = new EmployerId { EnterpriseNumber = Requests.DefinitiveEmployer } }, cancellationToken: Ct).ResponseAsync);
            Assert.Contains(refused.StatusCode, new[] { StatusCode.Internal, StatusCode.Unavailable });
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Https_ClientCertificateRequired_ConsoleWithCaFileAndClientCertPem_IdentifiesTheEmployer()
    {
        var (server, port, serverCertificate, member) = await StartRequiringClientCertificatesAsync();
        await using var _ = server;
        using (serverCertificate)
        using (member)
        {
            var caPath = Path.Combine(folder, "dimona-ca.pem");
            await File.WriteAllTextAsync(caPath, serverCertificate.ExportCertificatePem(), Ct);
            // The certificate and its key in one PEM file, given through the environment as an operator's profile would.
            var memberPath = Path.Combine(folder, "payroll-office.pem");
            using var memberKey = member.GetRSAPrivateKey() ?? throw new InvalidOperationException("The client certificate has no RSA key.");
            await File.WriteAllTextAsync(memberPath, member.ExportCertificatePem() + "\n" + memberKey.ExportPkcs8PrivateKeyPem() + "\n", Ct);
            var console = ServerProcess.BuiltAssembly(Path.Combine("clients", "Dimona.Console"), "dimona.dll");
            string[] identify = ["--address", Https(port).ToString(), "--token", TestTokens.Default, "identify", "--enterprise-number", Requests.DefinitiveEmployer];

            var run = await ToolRun.RunAsync(folder, ServerProcess.DotnetHost(), [console, "--ca-file", caPath, .. identify],
                new Dictionary<string, string> { ["DIMONA_CLIENT_CERT"] = memberPath });

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(Requests.DefinitiveEmployer, run.StandardOutput, StringComparison.Ordinal);
            var untrusted = await ToolRun.RunAsync(folder, ServerProcess.DotnetHost(), [console, .. identify],
                new Dictionary<string, string> { ["DIMONA_CLIENT_CERT"] = memberPath });
            Assert.Equal(1, untrusted.ExitCode);
            Assert.Contains("give that authority with --ca-file or DIMONA_CA_FILE", untrusted.Output, StringComparison.Ordinal);
            var withoutCertificate = await ToolRun.RunAsync(folder, ServerProcess.DotnetHost(), [console, "--ca-file", caPath, .. identify]);
            Assert.Equal(1, withoutCertificate.ExitCode);
            var missing = await ToolRun.RunAsync(folder, ServerProcess.DotnetHost(), [console, "--ca-file", Path.Combine(folder, "none.pem"), .. identify]);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("error: --ca-file: no file at", missing.Output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// The server over TLS with a self-signed certificate, requiring client certificates of an authority of its own,
    /// serving; with a certificate that authority issued.
    /// </summary>
    private async Task<(ServerProcess Server, int Port, X509Certificate2 ServerCertificate, X509Certificate2 Member)> StartRequiringClientCertificatesAsync()
    {
        var serverCertificate = SelfSigned("CN=127.0.0.1", serverAuth: true);
        using var authority = Authority("CN=Dimona test clients");
        var member = Issue(authority, "CN=payroll-office");
        var authorityPath = Path.Combine(folder, "clients-ca.pem");
        await File.WriteAllTextAsync(authorityPath, authority.ExportCertificatePem(), Ct);
        var port = LoopbackPort.Free();
        var environment = Https(port, serverCertificate);
        environment["Kestrel__Endpoints__Https__ClientCertificateMode"] = "RequireCertificate";
        environment["Dimona__Tls__ClientCertificateAuthority"] = authorityPath;
        var server = ServerProcess.Start(environment: environment);
        try
        {
            using var channel = Channel(port, serverCertificate, member);
            await WaitServingAsync(server, channel);
            return (server, port, serverCertificate, member);
        }
        catch
        {
            await server.DisposeAsync();
            serverCertificate.Dispose();
            member.Dispose();
            throw;
        }
    }

    private static Uri Https(int port) => new($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Kestrel's settings for one HTTPS endpoint on loopback with <paramref name="certificate"/>, as a .pfx file.</summary>
    private Dictionary<string, string> Https(int port, X509Certificate2 certificate)
    {
        var path = Path.Combine(folder, $"server-{port}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return new()
        {
            ["Kestrel__Endpoints__Https__Url"] = $"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Kestrel__Endpoints__Https__Certificate__Path"] = path,
            ["Kestrel__Endpoints__Https__Certificate__Password"] = Password,
        };
    }

    /// <summary>A TLS channel trusting <paramref name="server"/> alone, presenting <paramref name="client"/> when given.</summary>
    private static GrpcChannel Channel(int port, X509Certificate2 server, X509Certificate2? client = null) =>
        GrpcChannel.ForAddress($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            new GrpcChannelOptions { HttpHandler = new BearerHandler(TestTokens.Default, Trusting(new SocketsHttpHandler(), server, client)), DisposeHttpClient = true });

    /// <summary>Sets <paramref name="handler"/> to trust <paramref name="server"/> alone and present <paramref name="client"/> when given.</summary>
    private static SocketsHttpHandler Trusting(SocketsHttpHandler handler, X509Certificate2 server, X509Certificate2? client)
    {
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { server },
            RevocationMode = X509RevocationMode.NoCheck,
        };
        if (client is not null)
        {
            handler.SslOptions.ClientCertificates = [client];
        }
        return handler;
    }

    private static async Task WaitServingAsync(ServerProcess server, GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, $"The server exited.\n{server.Output}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: Ct);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (clock.Elapsed < ServerProcess.StartTimeout)
            {
                // Not listening yet.
            }
            await Task.Delay(100, Ct);
        }
    }

    private static X509Certificate2 SelfSigned(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        return Reloaded(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return Reloaded(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        // The authority's own validity: certificates keep whole seconds, so "now + 1 day" taken again can end after it.
        using var issued = request.Create(authority, authority.NotBefore, authority.NotAfter, RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return Reloaded(withKey);
    }

    /// <summary>The certificate with its key through a .pfx, as TLS on Linux wants it rather than an ephemeral key.</summary>
    private static X509Certificate2 Reloaded(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12, Password), Password);
        }
    }

}
