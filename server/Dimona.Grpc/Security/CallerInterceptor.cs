using Dimona.Grpc.Domain;
using Dimona.Grpc.Services;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dimona.Grpc.Security;

/// <summary>
/// Gives every Dimona call its <see cref="Caller"/> (in the call's user state, read by <see cref="CallerOf"/>): the
/// holder of a valid token, or the unsecured channel for a call without one when it is on. A token that is not
/// valid (expired, wrong key, issuer or audience) ends the call UNAUTHENTICATED, never taken as no token; so does a
/// call without a token when the unsecured channel is off. A token refused only because the authority's metadata
/// cannot be fetched ends the call UNAVAILABLE (AUTHORITY_UNAVAILABLE): the caller may retry. Other services
/// (health, reflection) pass untouched.
/// </summary>
public sealed class CallerInterceptor(
    IOptions<AuthSettings> settings, IOptionsMonitor<JwtBearerOptions> bearer, ValidatedTokens validated, ILogger<CallerInterceptor> logger) : Interceptor
{
    private const string ServicePrefix = "/dimona.v1.DimonaService/";
    private static readonly object Key = new();

    /// <summary>The caller this interceptor found for the call.</summary>
    public static Caller CallerOf(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) ? (Caller)caller : throw new InvalidOperationException("CallerInterceptor did not run.");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await IdentifyAsync(context);
        return await continuation(request, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await IdentifyAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task IdentifyAsync(ServerCallContext context)
    {
        if (!context.Method.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            return;
        }
        var http = context.GetHttpContext();
        string? authorization = http.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            context.UserState[Key] = settings.Value.UnsecuredChannel ? Caller.Unsecured : throw Failure.TokenRequired().ToRpcException();
            return;
        }
        if (validated.Find(authorization) is { } known)
        {
            context.UserState[Key] = known;
            return;
        }
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            if (result.Failure is { } failure && DependsOnTheAuthority(failure) && await AuthorityProblemAsync(context.CancellationToken) is { } problem)
            {
                logger.LogWarning("A bearer token could not be checked: the authority's metadata cannot be fetched: {Problem}", problem);
                throw Failure.AuthorityUnavailable().ToRpcException();
            }
            throw Failure.InvalidToken(Why(result.Failure)).ToRpcException();
        }
        var user = result.Principal;
        var subject = user.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw Failure.InvalidToken("it has no sub claim").ToRpcException();
        }
        var employers = user.FindAll(TokenMint.EmployerClaim).Select(c => c.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        var scopes = ScopeNames.Parse(string.Join(' ', user.FindAll(TokenMint.ScopeClaim).Select(c => c.Value)));
        var caller = new Caller(true, subject, employers, scopes);
        var expires = long.TryParse(user.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
        validated.Add(authorization, caller, expires);
        context.UserState[Key] = caller;
    }

    /// <summary>A refusal that the authority's keys or issuer might have turned into an acceptance.</summary>
    private static bool DependsOnTheAuthority(Exception failure) =>
        failure is SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidIssuerException;

    /// <summary>
    /// Why the authority's metadata (issuer, signing keys) cannot be had, or null when it can or no authority is set.
    /// The configuration manager answers from its cache once it has fetched the metadata, so this costs a fetch only
    /// while the authority has never answered.
    /// </summary>
    private async Task<string?> AuthorityProblemAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(settings.Value.Authority) || bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } metadata)
        {
            return null;
        }
        try
        {
            await metadata.GetConfigurationAsync(ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.InnerException?.Message ?? e.Message;
        }
    }

    private static string Why(Exception? failure) => failure switch
    {
        null => "the authorization metadata is not 'Bearer <token>'",
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "its audience is not this service's",
        SecurityTokenInvalidIssuerException => "its issuer is not one this service trusts",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature matches no key this service trusts",
        _ => "it is not a valid token",
    };
}
