using System.Security.Cryptography.X509Certificates;
using Dimona.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dimona.Client;

/// <summary>
/// Creates the generated client, <see cref="DimonaService.DimonaServiceClient"/>, with the library's defaults: through
/// dependency injection (<see cref="AddDimonaClient"/>) or directly (<see cref="Create"/>).
/// </summary>
public static class DimonaClient
{
    /// <summary>
    /// Registers <see cref="DimonaService.DimonaServiceClient"/> through the gRPC client factory, with the default
    /// deadline, retries on <c>UNAVAILABLE</c>, request ids, token and TLS certificates of <see cref="DimonaClientOptions"/>. The returned
    /// builder tunes the underlying HTTP client further (a message handler, for instance).
    /// </summary>
    public static IHttpClientBuilder AddDimonaClient(this IServiceCollection services, Action<DimonaClientOptions>? configure = null)
    {
        var options = services.AddOptions<DimonaClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services
            .AddGrpcClient<DimonaService.DimonaServiceClient>((provider, factory) => factory.Address = Options(provider).Address)
            .ConfigurePrimaryHttpMessageHandler(provider => Handler(Options(provider)))
            .AddHttpMessageHandler(provider => new BearerToken(Options(provider)))
            .ConfigureChannel((provider, channel) => channel.ServiceConfig = DimonaServiceConfig.Create(Options(provider).MaxAttempts))
            .AddInterceptor(provider => new DimonaCallDefaults(Options(provider).Deadline));
    }

    /// <summary>
    /// A client on its own channel, for a program without dependency injection. The channel lives as long as the
    /// client; create one and keep it.
    /// </summary>
    public static DimonaService.DimonaServiceClient Create(DimonaClientOptions options)
    {
        var channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
        {
            ServiceConfig = DimonaServiceConfig.Create(options.MaxAttempts),
            HttpHandler = new BearerToken(options) { InnerHandler = Handler(options) },
        });
        return new DimonaService.DimonaServiceClient(channel.Intercept(new DimonaCallDefaults(options.Deadline)));
    }

    /// <summary>
    /// The connection handler: HTTP/2 keep-alive pings while calls are open, more connections when one is full, and
    /// the TLS trust and client certificate of <paramref name="options"/>.
    /// </summary>
    private static SocketsHttpHandler Handler(DimonaClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            EnableMultipleHttp2Connections = true,
        };
        if (options.ServerAuthority is { } authority)
        {
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { authority },
                RevocationMode = X509RevocationMode.NoCheck,
            };
        }
        if (options.ClientCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }
        return handler;
    }

    private static DimonaClientOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DimonaClientOptions>>().Value;
}
