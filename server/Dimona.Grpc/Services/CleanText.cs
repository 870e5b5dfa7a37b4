using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dimona.Grpc.Services;

/// <summary>
/// Refuses, in every string field of a request message (nested messages and repeated fields included), the characters
/// no name, number or reference has and that would corrupt what is stored, logged or printed: control characters (C0
/// U+0000–U+001F with NUL, tab and line breaks, DEL U+007F, C1 U+0080–U+009F), the line and paragraph separators
/// (U+2028, U+2029) and the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a text read otherwise than it is stored.
/// Each such field is named by its proto field path.
/// </summary>
internal static class CleanText
{
    /// <summary>Adds a violation for each string field of <paramref name="message"/> that holds a refused character.</summary>
    public static void Check(IMessage message, Violations v) => CheckFields(message, "", v);

    private static bool IsRefused(char c) =>
        c is <= '\u001F' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The index of the first refused character of <paramref name="text"/>; -1 when it has none.</summary>
    private static int FirstRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static void CheckFields(IMessage message, string prefix, Violations v)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            // Only strings and messages can hold text: other fields are not read (no boxing), and a field's path is
            // built only when it is reported or descended into.
            if (field.FieldType is not (FieldType.String or FieldType.Message))
            {
                continue;
            }
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    CheckValue(entry.Key, () => $"{prefix}{field.Name}[{entry.Key}]", v);
                    CheckValue(entry.Value, () => $"{prefix}{field.Name}[{entry.Key}]", v);
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    var index = i++;
                    CheckValue(item, () => $"{prefix}{field.Name}[{index}]", v);
                }
            }
            else if (value is string text)
            {
                CheckText(text, prefix, field.Name, v);
            }
            else if (value is IMessage nested)
            {
                CheckFields(nested, $"{prefix}{field.Name}.", v);
            }
        }
    }

    private static void CheckText(string text, string prefix, string name, Violations v)
    {
        if (FirstRefused(text) is var at and >= 0)
        {
            v.Add(prefix + name, Refusal(text, at));
        }
    }

    private static void CheckValue(object? value, Func<string> path, Violations v)
    {
        switch (value)
        {
            case string text when FirstRefused(text) is var at and >= 0:
                v.Add(path(), Refusal(text, at));
                break;
            case IMessage nested:
                CheckFields(nested, path() + ".", v);
                break;
        }
    }

    private static string Refusal(string text, int at) =>
        $"Control characters and bidirectional formatting characters are not allowed: U+{(int)text[at]:X4} at character {at + 1}.";
}
