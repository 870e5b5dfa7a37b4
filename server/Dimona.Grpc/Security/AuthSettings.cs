namespace Dimona.Grpc.Security;

/// <summary>
/// The configuration section <c>Dimona:Auth</c> (env <c>Dimona__Auth__...</c>): how bearer tokens are validated,
/// whether the development issuer mints them, and whether calls without a token are taken on the unsecured channel.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Dimona:Auth";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "dimona";

    /// <summary>The <c>iss</c> of tokens signed with <see cref="SigningKeys"/>; required with them.</summary>
    public string? Issuer { get; set; }

    /// <summary>HMAC-SHA256 keys, base64, each at least 256 bits; a token signed with any of them is accepted (rotation).</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>An OpenID Connect authority whose metadata gives the issuer and the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS (default true).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether the server keeps a development key of its own and accepts the tokens its <c>token</c> verb mints with it.</summary>
    public bool DevelopmentIssuer { get; set; }

    /// <summary>Whether a call without a token is taken on the unsecured channel (submissions and IdentifyEmployer only).</summary>
    public bool UnsecuredChannel { get; set; }

    /// <summary>What keeps the server from validating tokens, in one sentence naming the keys to set; null when nothing.</summary>
    public string? Problem()
    {
        if (SigningKeys.Count == 0 && string.IsNullOrWhiteSpace(Authority) && !DevelopmentIssuer)
        {
            return "no way to validate tokens: set Dimona:Auth:SigningKeys (env Dimona__Auth__SigningKeys__0, base64 of at least 32 random bytes)"
                + " with Dimona:Auth:Issuer, or Dimona:Auth:Authority";
        }
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (KeyBytes(SigningKeys[i]) is not { Length: >= 32 })
            {
                return $"Dimona:Auth:SigningKeys:{i} is not base64 of at least 32 bytes (256 bits)";
            }
        }
        if (SigningKeys.Count > 0 && string.IsNullOrWhiteSpace(Issuer))
        {
            return "Dimona:Auth:SigningKeys is set without Dimona:Auth:Issuer, the iss its tokens carry";
        }
        if (!string.IsNullOrWhiteSpace(Authority))
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            {
                return $"Dimona:Auth:Authority is '{Authority}', not an https:// address";
            }
            if (authority.Scheme == Uri.UriSchemeHttp && RequireHttpsMetadata)
            {
                return $"Dimona:Auth:Authority is '{Authority}', an http:// address, while Dimona:Auth:RequireHttpsMetadata is true:"
                    + " give the authority's https:// address (or, for a local test authority only, set Dimona:Auth:RequireHttpsMetadata to false)";
            }
        }
        return string.IsNullOrWhiteSpace(Audience) ? "Dimona:Auth:Audience is empty" : null;
    }

    /// <summary>The bytes of a base64 key; null when it is not base64.</summary>
    public static byte[]? KeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
