using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// One audit record, written by the store in the transaction of the change it records: when (the writer's clock), who
/// (the token's subject, or the unsecured channel), for which employer, which declaration, what was done and with what
/// outcome. Ids, numbers, actions and states only: never a NISS, a name or a birth date, so it can be handed to an auditor.
/// </summary>
public sealed record AuditRecord(DateTimeOffset Time, Caller Actor, long EmployerId, DeclarationNumber? DeclarationNumber, string Action, string Outcome)
{
    /// <summary>The channel column: <c>Secured</c> (a token; the subject names its holder) or <c>Unsecured</c> (no token, empty subject).</summary>
    public string Channel => Actor.Secured ? "Secured" : "Unsecured";

    /// <summary>A stored declaration: <c>Declared IN</c>, <c>OUT</c>, <c>UPDATE</c> or <c>CANCEL</c>, its status as outcome.</summary>
    public static AuditRecord Declared(DateTimeOffset time, Caller actor, DecidedDeclaration decided) => new(
        time, actor, decided.EmployerId, decided.Declaration.DeclarationNumber, $"Declared {RowMapping.TextOf(decided.Kind)}", decided.Declaration.Status.ToString());

    /// <summary>A pending declaration resolved by an operator, its final status as outcome.</summary>
    public static AuditRecord Resolved(DateTimeOffset time, Caller actor, long employerId, DeclarationNumber number, DeclarationStatus status) =>
        new(time, actor, employerId, number, "Resolved", status.ToString());

    /// <summary>An employer registered, its state (<c>Definitive</c> or <c>Provisional</c>) as outcome.</summary>
    public static AuditRecord Registered(DateTimeOffset time, Caller actor, Employer employer) =>
        new(time, actor, employer.Id, null, "Registered", StateOf(employer));

    /// <summary>An employer's registration confirmed: its state is then <c>Definitive</c>.</summary>
    public static AuditRecord Confirmed(DateTimeOffset time, Caller actor, Employer employer) =>
        new(time, actor, employer.Id, null, "Confirmed", StateOf(employer));

    private static string StateOf(Employer employer) => employer.IsDefinitive ? "Definitive" : "Provisional";
}
