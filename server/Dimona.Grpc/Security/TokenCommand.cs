using System.Globalization;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Microsoft.Extensions.Options;

namespace Dimona.Grpc.Security;

/// <summary>
/// The server's <c>token</c> verb: mints a token with the development issuer's key, prints only the token and exits.
/// <c>token --employer N [--employer N ...] --scope declare,consult[,operator] [--subject ID] [--lifetime 8h]</c>;
/// employers and scopes may also be given comma-separated. Each employer is written as the server compares it: a
/// 10-digit enterprise number, a 9-digit definitive or 10-digit provisional ONSS number, with valid check digits.
/// <c>token --help</c> prints the usage.
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
    private bool help;

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
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            command.help = true;
            return command;
        }
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

    /// <summary>What is wrong with the options, as <see cref="Run"/> prints it; null when nothing.</summary>
    public string? Error => error;

    /// <summary>The employers the token will carry.</summary>
    public IReadOnlyList<string> Employers => employers;

    /// <summary>
    /// Prints the token (exit 0), the usage for --help (exit 0), or one line saying what is wrong (exit 2, or 1 when
    /// the development issuer is off).
    /// </summary>
    public int Run(IServiceProvider services)
    {
        if (help)
        {
            Console.Out.WriteLine(Usage);
            Console.Out.WriteLine("  --employer  an enterprise number (10 digits, e.g. 0403019261) or an ONSS number (9 digits, or 10 for a provisional one)");
            Console.Out.WriteLine("  --scope     declare (submit), consult (read), operator (confirm registrations, resolve pending declarations)");
            Console.Out.WriteLine("  --subject   the caller's id in the token's sub (default developer)");
            Console.Out.WriteLine("  --lifetime  how long the token is valid (default 8h)");
            return 0;
        }
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
                    if (EmployerProblem(employer) is { } problem)
                    {
                        return $"--employer {employer}: {problem}";
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

    /// <summary>
    /// Why <paramref name="employer"/> would never match a stored employer (compared digit for digit), or null when it
    /// is an enterprise number or an ONSS number as stored. The old 9-digit form of an enterprise number is refused
    /// with its 10-digit form, not rewritten: a 9-digit number may also be an ONSS number.
    /// </summary>
    public static string? EmployerProblem(string employer)
    {
        if (!employer.All(char.IsAsciiDigit))
        {
            return "an enterprise number (10 digits) or an ONSS number (9 digits, or 10 for a provisional one), digits only";
        }
        if (employer.Length == 10)
        {
            return EnterpriseNumber.TryParse(employer, out _, out _) || OnssNumber.TryParseProvisional(employer, out _, out _) ? null
                : "neither an enterprise number (10 digits starting with 0 or 1, valid check digits) nor a provisional ONSS number (10 digits starting with 5, valid check digits)";
        }
        if (employer.Length == 9)
        {
            if (OnssNumber.TryParseDefinitive(employer, out _, out _))
            {
                return null;
            }
            return EnterpriseNumber.TryParse(employer, out var enterprise, out _)
                ? $"enterprise numbers are written with 10 digits: give {enterprise.Value}"
                : "not an ONSS number (9 digits between 000100006 and 199999934, valid check digits), nor an enterprise number";
        }
        return "an enterprise number (10 digits) or an ONSS number (9 digits, or 10 for a provisional one)";
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
