namespace Dimona.Console.Requests;

/// <summary>The employer numbers typed on the command line; exactly one must be given.</summary>
internal sealed record EmployerInput(
    string? EnterpriseNumber = null,
    string? OnssNumber = null,
    string? ProvisionalOnssNumber = null);
