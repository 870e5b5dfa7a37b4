using System.Globalization;
using Dimona.Grpc.Domain;
using Microsoft.Extensions.Options;

namespace Dimona.Grpc.Security;

/// <summary>
/// The server's <c>token</c> verb: mints a token with the development issuer's key, prints only the token and exits.
/// <c>token --employer N [--employer N ...] --scope declare,consult[,operator] [--subject ID] [--lifetime 8h]</c>;
/// employers and scopes may also be given comma-separated.
/// </summary>
public sealed class TokenCommand
{
    public const string Verb = "token";

    private const string Usage = "usage: token --employer N[,N...] --scope declare,consult,operator [--subject ID] [--lifetime 8h|30m|1d]";

    private readonly List<string> employers = [];
    private Scopes scopes;
    private string subject = "developer";
    private TimeSpan lifetime = TimeSpan.FromHours(8);
    private string? error;

    private TokenCommand()
    {
    }

    /// <summary>The verb and its options when <paramref name="args"/> start with it; null otherwise.</summary>
    public static TokenCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Verb)
        {
            return null;
        }
        var command = new TokenCommand();
        for (var i = 1; i < args.Length && command.error is null; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            command.error = value is null ? $"{args[i]} needs a value" : command.Take(args[i], value);
        }
        if (command.error is null && command.employers.Count == 0)
        {
            command.error = "--employer is required";
        }
        if (command.error is null && command.scopes == Scopes.None)
        {
            command.error = "--scope is required";
        }
        return command;
    }

    /// <summary>Prints the token (exit 0), or one line saying what is wrong (exit 2, or 1 when the development issuer is off).</summary>
    public int Run(IServiceProvider services)
    {
        if (error is not null)
        {
            Console.Error.WriteLine($"dimona token: {error}\n{Usage}");
            return 2;
        }
        var development = services.GetRequiredService<DevelopmentIssuer>();
        if (!development.IsOn)
        {
            Console.Error.WriteLine("dimona token: the development issuer is off (Dimona:Auth:DevelopmentIssuer, on in Development): get tokens from your identity provider.");
            return 1;
        }
        var audience = services.GetRequiredService<IOptions<AuthSettings>>().Value.Audience;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        Console.Out.WriteLine(TokenMint.Mint(development.Key, DevelopmentIssuer.Issuer, audience, subject, employers, scopes, now, lifetime));
        return 0;
    }

    private string? Take(string option, string value)
    {
        switch (option)
        {
            case "--employer":
                foreach (var employer in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (employer.Length is < 9 or > 10 || !employer.All(char.IsAsciiDigit))
                    {
                        return $"--employer {employer}: an enterprise number (10 digits) or an ONSS number (9 or 10 digits), digits only";
                    }
                    employers.Add(employer);
                }
                return null;
            case "--scope":
                foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var scope = ScopeNames.Parse(name);
                    if (scope == Scopes.None)
                    {
                        return $"--scope {name}: one of {ScopeNames.Declare}, {ScopeNames.Consult}, {ScopeNames.Operator}";
                    }
                    scopes |= scope;
                }
                return null;
            case "--subject":
                subject = value;
                return null;
            case "--lifetime":
                return ParseLifetime(value) is { } parsed ? Set(ref lifetime, parsed) : $"--lifetime {value}: a number followed by m, h or d, e.g. 8h";
            default:
                return $"unknown option {option}";
        }
    }

    private static string? Set(ref TimeSpan field, TimeSpan value)
    {
        field = value;
        return null;
    }

    private static TimeSpan? ParseLifetime(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }
        return text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
