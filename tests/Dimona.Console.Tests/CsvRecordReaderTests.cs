using Dimona.Console.Batch;

namespace Dimona.Console.Tests;

public class CsvRecordReaderTests
{
    private static List<CsvRecord> Read(string csv) => [.. new CsvRecordReader(new StringReader(csv)).ReadAll()];

    [Fact]
    public void Read_PlainFields_SplitsOnCommasAndLineBreaks()
    {
        var records = Read("a,b,c\r\n1,,3\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "", "3"], records[1].Fields);
        Assert.Equal([1, 2], records.Select(r => r.LineNumber));
        Assert.Equal("1,,3", records[1].Text);
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasDoubledQuotesAndLineBreaks()
    {
        var records = Read("\"Rue de la Loi, 16\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\nnext,line\n");

        Assert.Equal(["Rue de la Loi, 16", "say \"hi\"", "two\nlines", ""], records[0].Fields);
        Assert.Equal("\"Rue de la Loi, 16\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"", records[0].Text);
        Assert.Equal(1, records[0].LineNumber);
        Assert.Equal(3, records[1].LineNumber);
        Assert.Equal(["next", "line"], records[1].Fields);
    }

    [Fact]
    public void Read_NoFinalLineBreakAndBlankLines_ReadsEveryLineWithItsNumber()
    {
        var records = Read("a\n\nb");

        Assert.Equal([1, 2, 3], records.Select(r => r.LineNumber));
        Assert.True(records[1].IsBlank);
        Assert.Equal(["b"], records[2].Fields);
    }

    [Theory]
    [InlineData("ab\"c\",d", "field 1 has a quote")]
    [InlineData("x,\"ab\"c,d", "field 2 has a quote")]
    [InlineData("x,\"never closed\nnext", "a quoted field is not closed")]
    public void Read_MalformedQuotes_ReturnsTheRecordWithItsProblem(string csv, string problem)
    {
        var record = Assert.Single(Read(csv));

        Assert.StartsWith(problem, record.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterAMalformedRecord_GoesOnWithTheNextLine()
    {
        var records = Read("a\"b\nc,d\n");

        Assert.NotNull(records[0].Problem);
        Assert.Equal(["c", "d"], records[1].Fields);
        Assert.Null(records[1].Problem);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Quote_FieldsThatNeedIt_AreQuotedAndReadBackTheSame(string value, string written)
    {
        Assert.Equal(written, CsvField.Quote(value));
        Assert.Equal([value, "x"], Assert.Single(Read(CsvField.Join([value, "x"]))).Fields);
    }
}
