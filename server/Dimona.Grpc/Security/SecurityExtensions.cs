using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Security;

/// <summary>Bearer-token authentication of the Dimona calls: registration, and the start-up check of its settings.</summary>
public static class SecurityExtensions
{
    /// <summary>
    /// Validates JWT bearer tokens (lifetime, issuer, audience, signature by a configured key, the authority's keys or
    /// the development issuer's) and gives every Dimona call its <see cref="Domain.Caller"/> through
    /// <see cref="CallerInterceptor"/>. Health and reflection stay open.
    /// </summary>
    public static WebApplicationBuilder AddDimonaSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthSettings>().Bind(builder.Configuration.GetSection(AuthSettings.Section));
        builder.Services.AddSingleton<DevelopmentIssuer>();
        builder.Services.AddSingleton<ValidatedTokens>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // AddAuthentication brings data protection, which bearer tokens never use; its start-up service would create
        // a key ring on disk and warn that it is stored unencrypted.
        foreach (var keyRing in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            builder.Services.Remove(keyRing);
        }
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>, DevelopmentIssuer>((options, settings, development) => Configure(options, settings.Value, development));
        return builder;
    }

    /// <summary>
    /// Checks the settings before the server listens. When tokens cannot be validated, writes one line naming the
    /// keys to set to standard error and returns false. With the development issuer on, creates its key and logs how
    /// to mint a token (a warning outside Development).
    /// </summary>
    public static bool CheckDimonaSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AuthSettings>>().Value;
        if (settings.Problem() is { } problem)
        {
            Console.Error.WriteLine($"dimona: cannot authenticate callers: {problem}.");
            return false;
        }
        try
        {
            // The bearer options are completed on first use, which throws for settings Problem() does not foresee:
            // better now, at start, than as HTTP 500 on every call.
            _ = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine($"dimona: cannot authenticate callers: {e.Message}");
            return false;
        }
        var development = app.Services.GetRequiredService<DevelopmentIssuer>();
        if (development.IsOn)
        {
            try
            {
                _ = development.Key;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"dimona: cannot use the development signing key {development.KeyPath}: {e.Message}");
                return false;
            }
            // Outside Development a development issuer is most likely a mistake: worth a warning.
            app.Logger.Log(app.Environment.IsDevelopment() ? LogLevel.Information : LogLevel.Warning,
                "Development issuer on (key {KeyPath}): mint a token by running this program with the same settings (environment, database) and the arguments"
                + " token --employer 0403019261 --scope declare,consult, e.g. {Program} token ..., or from the sources dotnet run --project server/Dimona.Grpc -v q -- token ...",
                development.KeyPath, ThisProgram());
        }
        if (settings.UnsecuredChannel)
        {
            app.Logger.LogInformation("Unsecured channel on: calls without a token may submit declarations and identify employers");
        }
        return true;
    }

    /// <summary>How this program was started: the apphost, or <c>dotnet</c> and the dll.</summary>
    private static string ThisProgram()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{process} {Path.Combine(AppContext.BaseDirectory, typeof(SecurityExtensions).Assembly.GetName().Name + ".dll")}"
            : process;
    }

    private static void Configure(JwtBearerOptions options, AuthSettings settings, DevelopmentIssuer development)
    {
        options.MapInboundClaims = false;
        options.Audience = settings.Audience;
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        }
        var keys = settings.SigningKeys.Select(AuthSettings.KeyBytes).OfType<byte[]>().Select(SecurityKey (k) => new SymmetricSecurityKey(k)).ToList();
        var issuers = new List<string>();
        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            issuers.Add(settings.Issuer);
        }
        if (development.IsOn)
        {
            keys.Add(development.Key);
            issuers.Add(DevelopmentIssuer.Issuer);
        }
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = issuers,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys,
            NameClaimType = "sub",
        };
    }
}
