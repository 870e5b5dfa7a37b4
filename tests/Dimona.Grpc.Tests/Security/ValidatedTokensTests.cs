using Dimona.Grpc.Domain;
using Dimona.Grpc.Security;
using Microsoft.Extensions.Time.Testing;

namespace Dimona.Grpc.Tests.Security;

/// <summary>A validated token's caller is reused until the token expires or five minutes pass, never longer.</summary>
public sealed class ValidatedTokensTests
{
    private static readonly Caller Payroll = new(true, "payroll", new HashSet<string> { "0403019261" }, Scopes.Declare);

    [Fact]
    public void Find_ReusesTheCaller_UntilFiveMinutesPass()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var tokens = new ValidatedTokens(time);
        tokens.Add("Bearer a", Payroll, expires: time.GetUtcNow().AddHours(8));

        var fresh = tokens.Find("Bearer a");
        time.Advance(ValidatedTokens.MaxAge);

        Assert.Same(Payroll, fresh);
        Assert.Null(tokens.Find("Bearer a"));
        Assert.Null(tokens.Find("Bearer b"));
    }

    [Fact]
    public void Find_ATokenExpiringSooner_IsForgottenWhenItExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var tokens = new ValidatedTokens(time);
        tokens.Add("Bearer a", Payroll, expires: time.GetUtcNow().AddSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));
        var before = tokens.Find("Bearer a");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(Payroll, before);
        Assert.Null(tokens.Find("Bearer a"));
    }
}
