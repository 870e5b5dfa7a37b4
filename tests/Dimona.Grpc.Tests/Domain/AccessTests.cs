using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Tests.Domain;

/// <summary>The pure access checks: scopes, channels, and an employer named by any of its numbers.</summary>
public class AccessTests
{
    private static readonly Employer Provisional = new(
        7, "Nieuwe Zaak BV", Enterprise("0765432146"), null, Onss("5123456773"), true, new Address("Meir", "50", "", "2000", "Antwerpen", "BE"));

    private static readonly Employer Confirmed = Provisional with { OnssNumber = Onss("175110801") };

    private static Caller Token(Scopes scopes, params string[] employers) => new(true, "client-1", employers.ToHashSet(), scopes);

    [Theory]
    [InlineData("0765432146")]
    [InlineData("5123456773")]
    [InlineData("175110801")]
    public void MayActFor_AnyOfTheEmployersNumbers(string number)
    {
        Assert.True(Token(Scopes.Declare, number).MayActFor(Confirmed));
        Assert.False(Token(Scopes.Declare, "0403019261").MayActFor(Confirmed));
    }

    [Fact]
    public void Unsecured_MaySubmitAndIdentify_NothingElse()
    {
        Assert.Null(Access.Submit(Caller.Unsecured));
        Assert.Null(Access.Identify(Caller.Unsecured));
        Assert.Null(Access.Declare(Caller.Unsecured, Provisional));
        Assert.All(new[] { Access.Consult(Caller.Unsecured), Access.Register(Caller.Unsecured), Access.Operate(Caller.Unsecured) },
            failure => Assert.Equal((FailureKind.Unauthenticated, "SECURED_CHANNEL_REQUIRED"), (failure!.Kind, failure.Reason)));
    }

    [Fact]
    public void MissingScope_IsPermissionDenied_NamingTheScope()
    {
        var failure = Access.Consult(Token(Scopes.Declare | Scopes.Operator, "0765432146"))!;

        Assert.Equal((FailureKind.PermissionDenied, "SCOPE_MISSING", "consult"), (failure.Kind, failure.Reason, failure.Metadata["scope"]));
    }

    [Fact]
    public void Identify_AnyTokenWithAScope_AnyEmployer()
    {
        Assert.Null(Access.Identify(Token(Scopes.Operator)));
        Assert.Null(Access.Identify(Token(Scopes.Consult, "0403019261")));
        Assert.Equal("SCOPE_MISSING", Access.Identify(Token(Scopes.None, "0765432146"))!.Reason);
    }

    [Fact]
    public void ScopeClaim_IsSpaceSeparated_UnknownNamesIgnored()
    {
        Assert.Equal(Scopes.Declare | Scopes.Operator, ScopeNames.Parse("declare  operator openid"));
        Assert.Equal(Scopes.None, ScopeNames.Parse(null));
    }

    private static EnterpriseNumber Enterprise(string value) =>
        EnterpriseNumber.TryParse(value, out var number, out _) ? number : throw new ArgumentException(value);

    private static OnssNumber Onss(string value) =>
        OnssNumber.TryParseDefinitive(value, out var number, out _) || OnssNumber.TryParseProvisional(value, out number, out _)
            ? number : throw new ArgumentException(value);
}
