using Dimona.Console.Output;
using Spectre.Console;

namespace Dimona.Console.Tests;

public class BatchProgressTests
{
    private static IAnsiConsole Console(TextWriter writer, bool interactive) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = AnsiSupport.Yes,
    });

    [Fact]
    public async Task Run_InteractiveConsole_DrawsABarWithTheRate()
    {
        var writer = new StringWriter();

        var result = await new BatchProgress(Console(writer, interactive: true)).RunAsync(10, async answered =>
        {
            answered(4);
            await Task.Yield();
            answered(6);
            return "done";
        });

        Assert.Equal("done", result);
        Assert.Contains("Declarations", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("100%", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("declarations/s", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConsoleNotInteractive_DrawsNothing()
    {
        var writer = new StringWriter();

        var result = await new BatchProgress(Console(writer, interactive: false)).RunAsync(10, answered =>
        {
            answered(10);
            return Task.FromResult("done");
        });

        Assert.Equal("done", result);
        Assert.Equal("", writer.ToString());
    }
}
