using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class ListRequestBuilderTests
{
    private static readonly ListInput Acme = new() { Employer = new EmployerInput(EnterpriseNumber: "0403019261") };

    [Fact]
    public void Declarations_EveryFilter_IsSent()
    {
        var input = Acme with
        {
            Worker = "93051822361",
            WorkerType = "flx",
            Status = "accepted_with_warnings",
            Kind = "out",
            From = "2030-01-01",
            To = "2030-12-31",
            PageSize = 20,
            PageToken = "abc",
        };

        var request = ListRequestBuilder.Declarations(input);

        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.WorkerNiss);
        Assert.Equal(WorkerType.Flx, request.WorkerType);
        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, request.Status);
        Assert.Equal(DeclarationKind.Out, request.Kind);
        Assert.Equal("2030-01-01", request.FromDate);
        Assert.Equal("2030-12-31", request.ToDate);
        Assert.Equal(20, request.PageSize);
        Assert.Equal("abc", request.PageToken);
    }

    [Fact]
    public void Declarations_NoFilter_FiltersNothingAndAsksForTheFirstPageOfTheDefaultSize()
    {
        var request = ListRequestBuilder.Declarations(Acme);

        Assert.Equal(new ListDeclarationsRequest { Employer = new EmployerId { EnterpriseNumber = "0403019261" } }, request);
    }

    [Theory]
    [InlineData(null, "CLOSE", "--kind: unknown code 'CLOSE'; valid codes: IN, OUT, UPDATE, CANCEL")]
    [InlineData("OK", null, "--status: unknown code 'OK'; valid codes: ACCEPTED, ACCEPTED_WITH_WARNINGS, REFUSED, PENDING")]
    public void Declarations_UnknownStatusOrKind_ThrowsUsageListingTheCodes(string? status, string? kind, string message)
    {
        var exception = Assert.Throws<UsageException>(() => ListRequestBuilder.Declarations(Acme with { Status = status, Kind = kind }));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Declarations_NoEmployer_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => ListRequestBuilder.Declarations(new ListInput()));

        Assert.StartsWith("the employer is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_Filters_AreSent()
    {
        var input = Acme with { Worker = "93051822361", From = "2030-01-01", To = "2030-12-31", PageSize = 5, PageToken = "next" };

        var request = ListRequestBuilder.Periods(input);

        Assert.Equal(
            new ListPeriodsRequest
            {
                Employer = new EmployerId { EnterpriseNumber = "0403019261" },
                WorkerNiss = "93051822361",
                FromDate = "2030-01-01",
                ToDate = "2030-12-31",
                PageSize = 5,
                PageToken = "next",
            },
            request);
    }
}
