using Dimona.Grpc.Services;
using Dimona.V1;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>The personnel file: ListDeclarations, ListPeriods, GetPeriod and ListPendingDeclarations through gRPC.</summary>
public class PersonnelFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EmployerId Employer(string enterpriseNumber = Requests.DefinitiveEmployer) => new() { EnterpriseNumber = enterpriseNumber };

    /// <summary>An OTH IN without an end date: opens a period.</summary>
    private static SubmitDeclarationRequest OpenIn(int worker, string startDate) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = Employer(),
        Worker = new Worker { Niss = Workers.Niss(worker) },
        DimonaIn = new DimonaIn { StartDate = startDate, JointCommittee = "XXX", WorkerType = WorkerType.Oth },
    };

    /// <summary>An STG IN of <paramref name="worker"/> from <paramref name="startDate"/> to <paramref name="endDate"/>.</summary>
    private static SubmitDeclarationRequest StgIn(int worker, string startDate, string endDate)
    {
        var request = Workers.Stg(worker);
        request.DimonaIn.StartDate = startDate;
        request.DimonaIn.EndDate = endDate;
        return request;
    }

    /// <summary>An OTH IN, Feb–Mar 2027, of a worker without a NISS: pending.</summary>
    private static SubmitDeclarationRequest Pending(string enterpriseNumber = Requests.DefinitiveEmployer)
    {
        var request = Requests.Stg(enterpriseNumber);
        request.Worker = new Worker { Identification = Requests.Identification() };
        request.DimonaIn.WorkerType = WorkerType.Oth;
        request.DimonaIn.SmallStatutes = null;
        return request;
    }

    private static SubmitDeclarationRequest Out(string periodId, string endDate) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = Employer(),
        DimonaOut = new DimonaOut { PeriodId = periodId, EndDate = endDate },
    };

    private static SubmitDeclarationRequest Update(string periodId, string endDate) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = Employer(),
        DimonaUpdate = new DimonaUpdate { PeriodId = periodId, EndDate = endDate },
    };

    private static SubmitDeclarationRequest Cancel(string periodId) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Employer = Employer(),
        DimonaCancel = new DimonaCancel { PeriodId = periodId },
    };

    private static async Task<Declaration> SubmitAsync(DimonaService.DimonaServiceClient client, SubmitDeclarationRequest request) =>
        (await client.SubmitDeclarationAsync(request, cancellationToken: Ct)).Declaration;

    /// <summary>Every page of the listing, following next_page_token from the first page.</summary>
    private static async Task<List<List<Declaration>>> PagesAsync(DimonaService.DimonaServiceClient client, ListDeclarationsRequest first)
    {
        var request = first.Clone();
        var pages = new List<List<Declaration>>();
        do
        {
            var response = await client.ListDeclarationsAsync(request, cancellationToken: Ct);
            pages.Add([.. response.Declarations]);
            request.PageToken = response.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return pages;
    }

    private static async Task<List<string>> ListedAsync(DimonaService.DimonaServiceClient client, ListDeclarationsRequest request) =>
        [.. (await PagesAsync(client, request)).SelectMany(page => page).Select(d => d.DeclarationNumber)];

    private static async Task<List<string>> PeriodsAsync(DimonaService.DimonaServiceClient client, ListPeriodsRequest first)
    {
        var request = first.Clone();
        var ids = new List<string>();
        do
        {
            var response = await client.ListPeriodsAsync(request, cancellationToken: Ct);
            ids.AddRange(response.Periods.Select(p => p.PeriodId));
            request.PageToken = response.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return ids;
    }

    /// <summary>Newest first: by receive time, then number, both descending.</summary>
    private static List<Declaration> NewestFirst(IEnumerable<Declaration> declarations) =>
        [.. declarations.OrderByDescending(d => d.ReceiveTime.ToDateTimeOffset()).ThenByDescending(d => d.DeclarationNumber, StringComparer.Ordinal)];

    /// <summary>
    /// The clock moves between calls by steps that give receive times with and without fractions of a second, as
    /// SQLite stores them in text (trailing zeros dropped), and every item of a batch message shares its time.
    /// </summary>
    [Fact]
    public async Task ListDeclarations_PageByPage_ListsEveryDeclarationOnceNewestFirst()
    {
        var clock = new FakeTimeProvider(DimonaServerFactory.Now);
        await using var server = new DimonaServerFactory(clock: clock);
        var client = server.CreateDimonaClient();
        var steps = new[] { 0.5, 0.5, 0.0000001, 0.25, 1, 0.1, 0.0999999 };
        var submitted = new List<Declaration>();
        for (var i = 0; i < steps.Length; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(steps[i]));
            submitted.Add(await SubmitAsync(client, StgIn(i, "2030-02-01", "2030-03-31")));
        }
        using (var batch = new BatchCalls(client))
        {
            clock.Advance(TimeSpan.FromSeconds(0.3));
            submitted.AddRange((await batch.SendAsync([.. Enumerable.Range(100, 5).Select(Workers.Stg)])).Select(r => r.Declaration));
            await batch.CompleteAsync();
        }
        clock.Advance(TimeSpan.FromSeconds(2));
        var open = await SubmitAsync(client, OpenIn(200, "2030-01-06"));
        submitted.Add(open);
        foreach (var change in new[] { Out(open.PeriodId, "2030-01-31"), Update(open.PeriodId, "2030-01-30"), Update(submitted[0].PeriodId, "2030-03-30"), Cancel(submitted[1].PeriodId) })
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            submitted.Add(await SubmitAsync(client, change));
        }
        Assert.All(submitted, d => Assert.Equal(DeclarationStatus.Accepted, d.Status));

        var pages = await PagesAsync(client, new ListDeclarationsRequest { Employer = Employer(), PageSize = 2 });

        Assert.Equal((submitted.Count + 1) / 2, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Count, 1, 2));
        Assert.Equal(NewestFirst(submitted), pages.SelectMany(page => page));
    }

    [Fact]
    public async Task ListDeclarations_DeclarationSubmittedBetweenPages_ShowsOnlyOnANewFirstPage()
    {
        var clock = new FakeTimeProvider(DimonaServerFactory.Now);
        await using var server = new DimonaServerFactory(clock: clock);
        var client = server.CreateDimonaClient();
        var submitted = new List<Declaration>();
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            submitted.Add(await SubmitAsync(client, Workers.Stg(i)));
        }
        var request = new ListDeclarationsRequest { Employer = Employer(), PageSize = 2 };
        var first = await client.ListDeclarationsAsync(request, cancellationToken: Ct);

        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await SubmitAsync(client, Workers.Stg(5));
        request.PageToken = first.NextPageToken;
        var rest = await PagesAsync(client, request);

        Assert.Equal(NewestFirst(submitted), first.Declarations.Concat(rest.SelectMany(page => page)));
        Assert.Equal(2, rest.Count);
        var again = await client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = Employer(), PageSize = 2 }, cancellationToken: Ct);
        Assert.Equal(late, again.Declarations[0]);
    }

    /// <summary>
    /// A: STG of worker 1, Feb–Mar 2027. B: STG of worker 2, May 2027. C: pending OTH, Feb–Mar 2027. D: refused STG of
    /// worker 3 (2019). E: open OTH IN of worker 4 from January 2027, F: its OUT at the end of June.
    /// </summary>
    private static async Task<Dictionary<char, Declaration>> PersonnelFileAsync(DimonaService.DimonaServiceClient client)
    {
        var file = new Dictionary<char, Declaration>
        {
            ['A'] = await SubmitAsync(client, StgIn(1, "2027-02-01", "2027-03-31")),
            ['B'] = await SubmitAsync(client, StgIn(2, "2027-05-01", "2027-05-31")),
            ['C'] = await SubmitAsync(client, Pending()),
            ['D'] = await SubmitAsync(client, StgIn(3, "2019-12-02", "2019-12-20")),
            ['E'] = await SubmitAsync(client, OpenIn(4, "2027-01-04")),
        };
        file['F'] = await SubmitAsync(client, Out(file['E'].PeriodId, "2027-06-30"));
        Assert.Equal(DeclarationStatus.Pending, file['C'].Status);
        Assert.Equal(DeclarationStatus.Refused, file['D'].Status);
        Assert.All(file.Where(e => e.Key is not ('C' or 'D')), e => Assert.Equal(DeclarationStatus.Accepted, e.Value.Status));
        return file;
    }

    private static List<string> Numbers(Dictionary<char, Declaration> file, string keys) =>
        [.. NewestFirst(keys.Select(k => file[k])).Select(d => d.DeclarationNumber)];

    [Fact]
    public async Task ListDeclarations_EachFilter_ListsOnlyTheMatchingDeclarations()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var file = await PersonnelFileAsync(client);
        await SubmitAsync(client, Requests.Stg(Requests.ProvisionalEmployer)); // another employer's
        ListDeclarationsRequest Filter(Action<ListDeclarationsRequest> set)
        {
            var request = new ListDeclarationsRequest { Employer = Employer(), PageSize = 2 };
            set(request);
            return request;
        }

        Assert.Equal(Numbers(file, "ABCDEF"), await ListedAsync(client, Filter(_ => { })));
        Assert.Equal(Numbers(file, "A"), await ListedAsync(client, Filter(r => r.WorkerNiss = Workers.Niss(1))));
        Assert.Equal(Numbers(file, "EF"), await ListedAsync(client, Filter(r => r.WorkerNiss = Workers.Niss(4))));
        Assert.Equal(Numbers(file, "CEF"), await ListedAsync(client, Filter(r => r.WorkerType = WorkerType.Oth)));
        Assert.Equal(Numbers(file, "ABD"), await ListedAsync(client, Filter(r => r.WorkerType = WorkerType.Stg)));
        Assert.Equal(Numbers(file, "D"), await ListedAsync(client, Filter(r => r.Status = DeclarationStatus.Refused)));
        Assert.Equal(Numbers(file, "C"), await ListedAsync(client, Filter(r => r.Status = DeclarationStatus.Pending)));
        Assert.Equal(Numbers(file, "F"), await ListedAsync(client, Filter(r => r.Kind = DeclarationKind.Out)));
        Assert.Equal(Numbers(file, "ABCDE"), await ListedAsync(client, Filter(r => r.Kind = DeclarationKind.In)));
        Assert.Equal(Numbers(file, "BEF"), await ListedAsync(client, Filter(r => r.FromDate = "2027-04-01")));
        Assert.Equal(Numbers(file, "DEF"), await ListedAsync(client, Filter(r => r.ToDate = "2027-01-31")));
        Assert.Equal(Numbers(file, "EF"), await ListedAsync(client, Filter(r => (r.FromDate, r.ToDate) = ("2027-04-01", "2027-04-30"))));
        Assert.Equal(Numbers(file, "ACEF"), await ListedAsync(client, Filter(r => (r.FromDate, r.ToDate) = ("2027-03-31", "2027-03-31"))));
        Assert.Equal(Numbers(file, "F"), await ListedAsync(client, Filter(r => (r.WorkerNiss, r.Kind, r.FromDate) = (Workers.Niss(4), DeclarationKind.Out, "2027-06-30"))));
    }

    [Fact]
    public async Task ListDeclarations_MalformedFilters_FailNamingEachField()
    {
        await using var server = new DimonaServerFactory();
        var request = new ListDeclarationsRequest
        {
            Employer = Employer(),
            PageSize = -1,
            WorkerNiss = "93051822362",
            WorkerType = (WorkerType)99,
            Status = (DeclarationStatus)99,
            Kind = (DeclarationKind)99,
            FromDate = "2027-02-30",
            ToDate = "tomorrow",
        };

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => server.CreateDimonaClient().ListDeclarationsAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("INVALID_REQUEST", status.Reason());
        Assert.Equal(["from_date", "kind", "page_size", "status", "to_date", "worker_niss", "worker_type"], status.BadFields().Order());
    }

    [Fact]
    public async Task ListDeclarations_UnknownEmployer_IsNotFound()
    {
        await using var server = new DimonaServerFactory();

        var status = await RpcAssert.FailsAsync(StatusCode.NotFound, () => server.CreateDimonaClient().ListDeclarationsAsync(
            new ListDeclarationsRequest { Employer = Employer("0123456749") }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("EMPLOYER_NOT_FOUND", status.Reason());
    }

    [Fact]
    public async Task ListDeclarations_TokenWithOtherFiltersOrDamaged_FailsNamingPageToken()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync(client, Workers.Stg(i));
        }
        var request = new ListDeclarationsRequest { Employer = Employer(), PageSize = 1, WorkerType = WorkerType.Stg };
        var token = (await client.ListDeclarationsAsync(request, cancellationToken: Ct)).NextPageToken;
        Assert.NotEmpty(token);

        var otherFilter = request.Clone();
        otherFilter.PageToken = token;
        otherFilter.Status = DeclarationStatus.Accepted;
        var otherEmployer = request.Clone();
        otherEmployer.PageToken = token;
        otherEmployer.Employer = new EmployerId { OnssNumber = Requests.DefinitiveOnss };
        var damaged = request.Clone();
        damaged.PageToken = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        foreach (var bad in new[] { otherFilter, otherEmployer, damaged, new ListDeclarationsRequest(request) { PageToken = "not a token" } })
        {
            var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.ListDeclarationsAsync(bad, cancellationToken: Ct).ResponseAsync);
            Assert.Equal(["page_token"], status.BadFields());
        }
        var periods = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.ListPeriodsAsync(
            new ListPeriodsRequest { Employer = Employer(), PageToken = token }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(["page_token"], periods.BadFields());

        var otherSize = request.Clone();
        otherSize.PageToken = token;
        otherSize.PageSize = 5;
        Assert.Equal(2, (await client.ListDeclarationsAsync(otherSize, cancellationToken: Ct)).Declarations.Count);
    }

    [Fact]
    public async Task ListDeclarations_PageSizeOverTheCapOrZero_IsTheCapOrTheDefault()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        using (var batch = new BatchCalls(client))
        {
            var results = await batch.SendAsync([.. Enumerable.Range(0, RequestCheck.MaxPageSize + 1).Select(Workers.Stg)]);
            Assert.All(results, r => Assert.Equal(DeclarationStatus.Accepted, r.Declaration.Status));
            await batch.CompleteAsync();
        }

        var capped = await client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = Employer(), PageSize = 10_000 }, cancellationToken: Ct);
        var last = await client.ListDeclarationsAsync(
            new ListDeclarationsRequest { Employer = Employer(), PageSize = 10_000, PageToken = capped.NextPageToken }, cancellationToken: Ct);
        var byDefault = await client.ListDeclarationsAsync(new ListDeclarationsRequest { Employer = Employer() }, cancellationToken: Ct);

        Assert.Equal(RequestCheck.MaxPageSize, capped.Declarations.Count);
        Assert.Single(last.Declarations);
        Assert.Equal("", last.NextPageToken);
        Assert.Equal(RequestCheck.DefaultPageSize, byDefault.Declarations.Count);
        Assert.NotEmpty(byDefault.NextPageToken);
    }

    [Fact]
    public async Task ListPeriods_LatestStartFirst_FilteredAndPaged()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var file = await PersonnelFileAsync(client);
        await SubmitAsync(client, Requests.Stg(Requests.ProvisionalEmployer)); // another employer's
        ListPeriodsRequest Filter(Action<ListPeriodsRequest> set)
        {
            var request = new ListPeriodsRequest { Employer = Employer(), PageSize = 1 };
            set(request);
            return request;
        }
        var (a, b, e) = (file['A'].PeriodId, file['B'].PeriodId, file['E'].PeriodId);

        Assert.Equal([b, a, e], await PeriodsAsync(client, Filter(_ => { })));
        Assert.Equal([a], await PeriodsAsync(client, Filter(r => r.WorkerNiss = Workers.Niss(1))));
        Assert.Equal([b, e], await PeriodsAsync(client, Filter(r => r.FromDate = "2027-04-01")));
        Assert.Equal([e], await PeriodsAsync(client, Filter(r => r.ToDate = "2027-01-31")));
        Assert.Equal([a, e], await PeriodsAsync(client, Filter(r => (r.FromDate, r.ToDate) = ("2027-03-01", "2027-04-30"))));

        var period = (await client.ListPeriodsAsync(Filter(r => r.WorkerNiss = Workers.Niss(4)), cancellationToken: Ct)).Periods.Single();
        Assert.Equal(new Period
        {
            PeriodId = e,
            Employer = Employer(),
            WorkerNiss = Workers.Niss(4),
            JointCommittee = "XXX",
            WorkerType = WorkerType.Oth,
            State = PeriodState.Closed,
            StartDate = "2027-01-04",
            EndDate = "2027-06-30",
        }, period);
    }

    [Fact]
    public async Task ListPeriods_EmployerByOnssNumber_ShowsItsEnterpriseNumber()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var declaration = await SubmitAsync(client, Requests.Stg());

        var response = await client.ListPeriodsAsync(
            new ListPeriodsRequest { Employer = new EmployerId { OnssNumber = Requests.DefinitiveOnss } }, cancellationToken: Ct);

        var period = Assert.Single(response.Periods);
        Assert.Equal(declaration.PeriodId, period.PeriodId);
        Assert.Equal(Employer(), period.Employer);
        Assert.Equal(("2027-02-01", "2027-03-31", PeriodState.Closed, WorkerType.Stg), (period.StartDate, period.EndDate, period.State, period.WorkerType));
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task GetPeriod_ShowsTheStateAndEveryDeclarationOnItOldestFirst()
    {
        var clock = new FakeTimeProvider(DimonaServerFactory.Now);
        await using var server = new DimonaServerFactory(clock: clock);
        var client = server.CreateDimonaClient();
        var open = await SubmitAsync(client, OpenIn(1, "2027-01-04"));
        var id = open.PeriodId;
        async Task<Declaration> Later(SubmitDeclarationRequest request)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return await SubmitAsync(client, request);
        }

        var whileOpen = await client.GetPeriodAsync(new GetPeriodRequest { PeriodId = id }, cancellationToken: Ct);
        Assert.Equal((PeriodState.Open, "2027-01-04", ""), (whileOpen.Period.State, whileOpen.Period.StartDate, whileOpen.Period.EndDate));
        Assert.Equal(new[] { open }, whileOpen.Declarations);

        var history = new List<Declaration>
        {
            open,
            await Later(Out(id, "2027-06-30")),
            await Later(Out(id, "2027-07-31")),
            await Later(Update(id, "2027-05-31")),
            await Later(Cancel(id)),
        };
        var got = await client.GetPeriodAsync(new GetPeriodRequest { PeriodId = id }, cancellationToken: Ct);

        Assert.Equal(PeriodState.Cancelled, got.Period.State);
        Assert.Equal(("2027-01-04", "2027-05-31", Workers.Niss(1)), (got.Period.StartDate, got.Period.EndDate, got.Period.WorkerNiss));
        Assert.Equal(history, got.Declarations);
        Assert.Equal(
            [DeclarationStatus.Accepted, DeclarationStatus.Accepted, DeclarationStatus.Refused, DeclarationStatus.Accepted, DeclarationStatus.Accepted],
            got.Declarations.Select(d => d.Status));
        Assert.Equal(["00913-356"], got.Declarations[2].Anomalies.Select(a => a.Code));
    }

    [Fact]
    public async Task GetPeriod_UnknownOrMalformedId_IsNotFoundOrInvalid()
    {
        await using var server = new DimonaServerFactory();
        var client = server.CreateDimonaClient();
        var refused = await SubmitAsync(client, StgIn(3, "2019-12-02", "2019-12-20"));

        var notFound = await RpcAssert.FailsAsync(StatusCode.NotFound,
            () => client.GetPeriodAsync(new GetPeriodRequest { PeriodId = refused.DeclarationNumber }, cancellationToken: Ct).ResponseAsync);
        var malformed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => client.GetPeriodAsync(new GetPeriodRequest { PeriodId = "123456789013" }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal("PERIOD_NOT_FOUND", notFound.Reason());
        Assert.Equal(["period_id"], malformed.BadFields());
    }

    [Fact]
    public async Task ListPendingDeclarations_ListsDeclarationsWithoutNissOfEveryEmployerOldestFirst()
    {
        var clock = new FakeTimeProvider(DimonaServerFactory.Now);
        await using var server = new DimonaServerFactory(clock: clock);
        var client = server.CreateDimonaClient();
        var pending = new List<Declaration>();
        foreach (var employer in new[] { Requests.DefinitiveEmployer, Requests.ProvisionalEmployer, Requests.DefinitiveEmployer })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            pending.Add(await SubmitAsync(client, Pending(employer)));
            await SubmitAsync(client, Workers.Stg(pending.Count));
        }
        Assert.All(pending, d => Assert.Equal(DeclarationStatus.Pending, d.Status));

        var first = await client.ListPendingDeclarationsAsync(new ListPendingDeclarationsRequest { PageSize = 2 }, cancellationToken: Ct);
        var second = await client.ListPendingDeclarationsAsync(
            new ListPendingDeclarationsRequest { PageSize = 2, PageToken = first.NextPageToken }, cancellationToken: Ct);

        Assert.Equal(pending, first.Declarations.Concat(second.Declarations));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(Requests.ProvisionalEmployer, first.Declarations[1].Employer.EnterpriseNumber);
    }
}
