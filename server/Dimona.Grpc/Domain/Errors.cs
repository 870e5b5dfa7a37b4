using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>A looked-up employer or declaration does not exist. <see cref="Reason"/> is the UPPER_SNAKE reason clients see.</summary>
public sealed class NotFoundException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    public static NotFoundException Employer(EmployerId id) => new("EMPLOYER_NOT_FOUND", $"No employer has {id}.");

    public static NotFoundException Declaration(DimonaNumber number) => new("DECLARATION_NOT_FOUND", $"No declaration has number {number}.");
}

/// <summary>A request id already used by the same employer for a different declaration.</summary>
public sealed class RequestIdReusedException(string message) : Exception(message);
