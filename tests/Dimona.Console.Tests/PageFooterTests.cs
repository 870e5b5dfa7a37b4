using Dimona.Console.Output;

namespace Dimona.Console.Tests;

public class PageFooterTests
{
    [Fact]
    public void Print_LastPage_SaysSoAndGivesNoToken()
    {
        var writer = new StringWriter();

        PageFooter.Print("2 declarations, newest first", "", ["list", "--enterprise-number", "0403019261"], writer);

        Assert.Equal("Shown:                    2 declarations, newest first (last page)\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Print_MorePages_PrintsTheTokenAndTheCommandOfTheNextPage()
    {
        var writer = new StringWriter();

        PageFooter.Print("2 declarations, newest first", "Cg4yMDMw", ["list", "--enterprise-number", "0403019261", "--page-size", "2"], writer);

        Assert.Equal(
            """
            Shown:                    2 declarations, newest first
            Next page token:          Cg4yMDMw
            Next page:                dimona list --enterprise-number 0403019261 --page-size 2 --page-token Cg4yMDMw

            """,
            writer.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("list --page-token first --kind out")]
    [InlineData("list --page-token=first --kind out")]
    public void NextPageCommand_TokenGiven_IsReplacedByTheNextOne(string commandLine)
    {
        Assert.Equal("dimona list --kind out --page-token second", PageFooter.NextPageCommand(commandLine.Split(' '), "second"));
    }

    [Fact]
    public void NextPageCommand_WordsAShellWouldSplitOrExpand_AreQuoted()
    {
        var command = PageFooter.NextPageCommand(["pending", "--address", "http://dimona.test:5000"], "a b'c*");

        Assert.Equal("dimona pending --address http://dimona.test:5000 --page-token 'a b'\\''c*'", command);
    }

    [Theory]
    [InlineData(0, "0 periods")]
    [InlineData(1, "1 period")]
    [InlineData(2, "2 periods")]
    public void Count_OneOrMore_IsWrittenInWords(int count, string words)
    {
        Assert.Equal(words, PageFooter.Count(count, "period"));
    }
}
