using System.Net.Http.Headers;

namespace Dimona.Client;

/// <summary>
/// Puts the token of <see cref="DimonaClientOptions"/> (its <see cref="DimonaClientOptions.TokenProvider"/>, else its
/// <see cref="DimonaClientOptions.Token"/>) on every request as <c>authorization: Bearer ...</c>, over plain-text
/// HTTP/2 and TLS alike. A request that already carries an authorization header keeps it.
/// </summary>
public sealed class BearerToken(DimonaClientOptions options) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            var token = options.TokenProvider is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : options.Token;
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
