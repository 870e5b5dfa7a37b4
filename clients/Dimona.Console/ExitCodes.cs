namespace Dimona.Console;

/// <summary>Process exit codes of the console client.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RpcError = 1;
    public const int UsageError = 2;
}
