using System.Reflection;
using Google.Protobuf.Reflection;

namespace Dimona.Console.Codes;

/// <summary>
/// Maps a proto enum to its codes: the value names without their prefix, so WORKER_TYPE_STG is "STG".
/// Read from the generated enum, so a value added to the contract is known here without a change.
/// </summary>
internal sealed class ProtoEnumCodes<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> valueByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<T, string> codeByValue = [];

    public ProtoEnumCodes(string prefix)
    {
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var protoName = field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? field.Name;
            if (protoName == prefix + "UNSPECIFIED")
            {
                continue;
            }

            var value = (T)field.GetValue(null)!;
            var code = protoName.StartsWith(prefix, StringComparison.Ordinal) ? protoName[prefix.Length..] : protoName;
            codeByValue[value] = code;
            valueByName[code] = value;
            valueByName[protoName] = value;
        }

        Codes = [.. codeByValue.Values];
    }

    /// <summary>Every code, in the contract's order, without UNSPECIFIED.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Reads a code ("stg") or a full proto name ("WORKER_TYPE_STG"), ignoring case.</summary>
    public bool TryParse(string text, out T value) => valueByName.TryGetValue(text.Trim(), out value);

    /// <summary>The code of a value; the number for a value this build does not know.</summary>
    public string CodeOf(T value) => codeByValue.TryGetValue(value, out var code) ? code : value.ToString("D");
}
