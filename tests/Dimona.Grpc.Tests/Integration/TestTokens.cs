using System.Net.Http.Headers;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Security;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>
/// Tokens as the test servers accept them: signed with <see cref="Key"/> by <see cref="Issuer"/> for the audience
/// <c>dimona</c>, valid from 2000 to 2100 whatever clock a test server runs on, unless told otherwise.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "dimona-test";

    public const string Audience = "dimona";

    /// <summary>The test servers' signing key, base64 (32 bytes).</summary>
    public static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))]);

    /// <summary>Every number of the demo employers, and 0123456749, which tests register.</summary>
    public static readonly string[] DefaultEmployers =
        ["0403019261", "175110801", "0765432146", "5123456773", "0812345603", "125482497", "0123456749"];

    public static readonly Scopes AllScopes = Scopes.Declare | Scopes.Consult | Scopes.Operator;

    /// <summary>What the test servers' default clients send: every demo employer, every scope.</summary>
    public static string Default { get; } = Mint(DefaultEmployers, AllScopes);

    public static string Mint(
        IEnumerable<string> employers, Scopes scopes, string subject = "test-client", string? key = null, string issuer = Issuer,
        string audience = Audience, DateTimeOffset? notBefore = null, TimeSpan? lifetime = null) =>
        TokenMint.Mint(new SymmetricSecurityKey(Convert.FromBase64String(key ?? Key)), issuer, audience, subject, employers, scopes,
            notBefore ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), lifetime ?? TimeSpan.FromDays(365 * 100));
}

/// <summary>Sends <c>authorization: Bearer token</c> with every request; no header when the token is null.</summary>
public sealed class BearerHandler(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
