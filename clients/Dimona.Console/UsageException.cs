namespace Dimona.Console;

/// <summary>The command line or an input file is wrong; the message says how, for the operator.</summary>
internal sealed class UsageException(string message) : Exception(message);
