namespace Dimona.Grpc.Domain;

/// <summary>What a bearer token lets its holder do: one flag per scope of the token's <c>scope</c> claim.</summary>
[Flags]
public enum Scopes
{
    None = 0,

    /// <summary>Submit declarations and register employers.</summary>
    Declare = 1,

    /// <summary>Read declarations, periods and the personnel file.</summary>
    Consult = 2,

    /// <summary>Confirm registrations, list and resolve pending declarations, for every employer.</summary>
    Operator = 4,
}

/// <summary>
/// Who makes a call. Secured: a caller with a valid token, named by its <see cref="Subject"/>, acting for the
/// employers the token names (each by an enterprise or ONSS number, digits only) with its scopes. Unsecured: a
/// call without a token on the unsecured channel, which names its employer in each request and may only submit.
/// </summary>
public sealed record Caller(bool Secured, string Subject, IReadOnlySet<string> Employers, Scopes Scopes)
{
    /// <summary>A call without a token, accepted because the unsecured channel is on.</summary>
    public static readonly Caller Unsecured = new(false, "", new HashSet<string>(), Scopes.None);

    /// <summary>Whether the token grants <paramref name="scope"/>.</summary>
    public bool Has(Scopes scope) => (Scopes & scope) == scope;

    /// <summary>
    /// Whether this caller may act for <paramref name="employer"/>: on the unsecured channel any employer it names,
    /// on the secured one an employer the token names by any of its numbers.
    /// </summary>
    public bool MayActFor(Employer employer) =>
        !Secured
        || (employer.EnterpriseNumber is { } enterprise && Employers.Contains(enterprise.Value))
        || (employer.OnssNumber is { } onss && Employers.Contains(onss.Value))
        || (employer.ProvisionalOnssNumber is { } provisional && Employers.Contains(provisional.Value));
}

/// <summary>
/// Who may make which call: pure checks over a <see cref="Caller"/>, each answering the failure to give, or null
/// when the call may go on. The employer checks that need the stored employer come after it is found.
/// </summary>
public static class Access
{
    /// <summary>
    /// IdentifyEmployer, for any employer (employers are public, as in the enterprise register): anyone on the
    /// unsecured channel, a token with any scope.
    /// </summary>
    public static Failure? Identify(Caller caller) =>
        !caller.Secured || caller.Scopes != Scopes.None ? null : Failure.ScopeMissing(Scopes.Consult);

    /// <summary>SubmitDeclaration and its batch: the unsecured channel, or a token with <c>declare</c>.</summary>
    public static Failure? Submit(Caller caller) => caller.Secured ? Secured(caller, Scopes.Declare) : null;

    /// <summary>A submission's employer, once found: one the caller may act for.</summary>
    public static Failure? Declare(Caller caller, Employer employer) =>
        caller.MayActFor(employer) ? null : Failure.EmployerNotPermitted();

    /// <summary>GetDeclaration, GetPeriod, ListDeclarations, ListPeriods: a token with <c>consult</c>.</summary>
    public static Failure? Consult(Caller caller) => Secured(caller, Scopes.Consult);

    /// <summary>RegisterEmployer: a token with <c>declare</c> (the new employer cannot be in it yet).</summary>
    public static Failure? Register(Caller caller) => Secured(caller, Scopes.Declare);

    /// <summary>ConfirmEmployerRegistration, ListPendingDeclarations, ResolvePendingDeclaration: a token with <c>operator</c>.</summary>
    public static Failure? Operate(Caller caller) => Secured(caller, Scopes.Operator);

    private static Failure? Secured(Caller caller, Scopes scope) =>
        !caller.Secured ? Failure.SecuredChannelRequired()
        : !caller.Has(scope) ? Failure.ScopeMissing(scope)
        : null;
}

/// <summary>The scopes as a token's <c>scope</c> claim spells them: <c>declare</c>, <c>consult</c>, <c>operator</c>.</summary>
public static class ScopeNames
{
    public const string Declare = "declare";
    public const string Consult = "consult";
    public const string Operator = "operator";

    /// <summary>The name of one scope.</summary>
    public static string Name(Scopes scope) => scope switch
    {
        Scopes.Declare => Declare,
        Scopes.Consult => Consult,
        Scopes.Operator => Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not one scope."),
    };

    /// <summary>The scopes of a space-separated <c>scope</c> claim; unknown names are ignored.</summary>
    public static Scopes Parse(string? claim)
    {
        var scopes = Scopes.None;
        foreach (var name in (claim ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            scopes |= name switch
            {
                Declare => Scopes.Declare,
                Consult => Scopes.Consult,
                Operator => Scopes.Operator,
                _ => Scopes.None,
            };
        }
        return scopes;
    }
}
