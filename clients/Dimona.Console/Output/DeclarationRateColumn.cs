using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dimona.Console.Output;

/// <summary>The progress column with the rate of an upload, in declarations answered per second.</summary>
internal sealed class DeclarationRateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Speed ?? 0:F0} declarations/s"));
}
