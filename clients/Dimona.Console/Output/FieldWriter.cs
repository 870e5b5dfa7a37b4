namespace Dimona.Console.Output;

/// <summary>Writes "Label:  value" lines with the values lined up in one column.</summary>
internal sealed class FieldWriter(TextWriter writer)
{
    private const int LabelWidth = 26;

    public void Field(string label, string value) => writer.WriteLine($"{label + ":",-LabelWidth}{value}");

    /// <summary>Writes the line only when there is a value: empty proto fields mean "not given".</summary>
    public void FieldIfGiven(string label, string value)
    {
        if (value.Length > 0)
        {
            Field(label, value);
        }
    }
}
