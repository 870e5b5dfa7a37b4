using Dimona.Grpc.Domain;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Security;

/// <summary>
/// Mints a token as the service reads it: <c>sub</c> the client, one <c>employer</c> per employer it acts for, a
/// space-separated <c>scope</c>, signed HMAC-SHA256. The development issuer's verb and the tests use it; in
/// production tokens come from the identity provider.
/// </summary>
public static class TokenMint
{
    public const string EmployerClaim = "employer";
    public const string ScopeClaim = "scope";

    public static string Mint(
        SecurityKey key, string issuer, string audience, string subject, IEnumerable<string> employers, Scopes scopes,
        DateTimeOffset notBefore, TimeSpan lifetime)
    {
        var names = Enum.GetValues<Scopes>().Where(s => s != Scopes.None && (scopes & s) == s).Select(ScopeNames.Name);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (notBefore + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [EmployerClaim] = employers.ToList(),
                [ScopeClaim] = string.Join(' ', names),
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
