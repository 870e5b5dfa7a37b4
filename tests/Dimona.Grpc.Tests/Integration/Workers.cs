using System.Globalization;
using Dimona.V1;

namespace Dimona.Grpc.Tests.Integration;

/// <summary>Many distinct valid declarations: item <c>i</c> is an STG IN of its own worker, accepted as it is.</summary>
public static class Workers
{
    private const int BirthDays = 50 * 12 * 28;

    /// <summary>
    /// A valid NISS per <paramref name="i"/> (up to 16 800 × 997 workers): born on one of 16 800 days of 1950–1999,
    /// serial 001..997, check digits 97 − (first nine digits mod 97).
    /// </summary>
    public static string Niss(int i)
    {
        var day = i % BirthDays;
        var serial = 1 + (i / BirthDays % 997);
        var birth = new DateOnly(1950 + (day / (12 * 28)), 1 + (day / 28 % 12), 1 + (day % 28));
        var body = $"{birth:yyMMdd}{serial:D3}";
        var check = 97 - (long.Parse(body, CultureInfo.InvariantCulture) % 97);
        return $"{body}{check:D2}";
    }

    /// <summary>An STG IN from 2030-02-01 to 2030-03-31 by the definitive demo employer, for worker <paramref name="i"/>, with a new request id.</summary>
    public static SubmitDeclarationRequest Stg(int i)
    {
        var request = Requests.Stg();
        request.Worker.Niss = Niss(i);
        request.Reference = $"w{i}";
        request.DimonaIn.StartDate = "2030-02-01";
        request.DimonaIn.EndDate = "2030-03-31";
        return request;
    }

    /// <summary>The items cut into batch messages of <paramref name="size"/> items.</summary>
    public static List<SubmitDeclarationBatchRequest> Messages(IEnumerable<SubmitDeclarationRequest> items, int size) =>
        [.. items.Chunk(size).Select(chunk => new SubmitDeclarationBatchRequest { Items = { chunk } })];
}
