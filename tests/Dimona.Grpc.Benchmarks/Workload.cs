using System.Globalization;
using Dimona.V1;

namespace Dimona.Grpc.Benchmarks;

/// <summary>
/// The declarations every step sends or stores: well-formed INs of the demo employer, three STG interns for one
/// ordinary open-ended OTH worker, each for a worker of its own so that none overlaps another and every one is
/// accepted. Indexes are drawn from one counter, so no two steps of a run share a worker.
/// </summary>
internal sealed class Workload
{
    public const string EnterpriseNumber = "0403019261";

    private static readonly DateOnly FirstBirth = new(1940, 1, 1);
    private static readonly DateOnly LastBirth = new(1999, 12, 31);

    /// <summary>How many distinct valid NISS <see cref="Niss"/> gives: one per birth day 1940..1999 and serial 001..997.</summary>
    public static readonly long NissCount = (LastBirth.DayNumber - FirstBirth.DayNumber + 1) * 997L;

    private readonly long offset;
    private readonly string startDate;
    private readonly string endDate;
    private long next = -1;

    /// <param name="offset">Where this run starts in the NISS space, so that runs against the same database differ.</param>
    /// <param name="today">Periods start on the first day of the next month: never late, always within the date domain.</param>
    public Workload(long offset, DateOnly today)
    {
        this.offset = offset;
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        StartDate = start;
        EndDate = start.AddMonths(2).AddDays(-1);
        startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        endDate = EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public DateOnly StartDate { get; }

    /// <summary>End of the STG periods (OTH periods are open-ended).</summary>
    public DateOnly EndDate { get; }

    /// <summary>How many declarations were built so far.</summary>
    public long Issued => Interlocked.Read(ref next) + 1;

    /// <summary>The next declaration, with a new request id and a worker of its own. Thread-safe.</summary>
    public SubmitDeclarationRequest Next() => Build(Interlocked.Increment(ref next));

    private SubmitDeclarationRequest Build(long i)
    {
        var request = new SubmitDeclarationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Employer = new EmployerId { EnterpriseNumber = EnterpriseNumber },
            Worker = new Worker { Niss = Niss((offset + i) % NissCount) },
            Reference = string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:D9}"),
        };
        request.DimonaIn = i % 4 == 3
            ? new DimonaIn { StartDate = startDate, JointCommittee = "XXX", WorkerType = WorkerType.Oth }
            : new DimonaIn
            {
                StartDate = startDate,
                EndDate = endDate,
                JointCommittee = "XXX",
                WorkerType = WorkerType.Stg,
                SmallStatutes = new SmallStatutes
                {
                    EmploymentNature = EmploymentNature.Employee,
                    ActivityWithRisk = "401",
                    InternType = InternType.F1,
                },
            };
        return request;
    }

    /// <summary>
    /// The <paramref name="k"/>-th valid NISS (0 ≤ k &lt; <see cref="NissCount"/>): YYMMDD of a birth day from 1940 on,
    /// a serial 001..997 and check digits 97 − (first nine digits mod 97). About 21.8 million distinct values.
    /// </summary>
    public static string Niss(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, NissCount);
        var birth = FirstBirth.AddDays((int)(k / 997));
        var body = (((birth.Year % 100 * 100) + birth.Month) * 100 + birth.Day) * 1000L + (k % 997) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{body:D9}{97 - (body % 97):D2}");
    }
}
