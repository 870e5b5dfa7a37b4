using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain.Rules;

/// <summary>
/// What the rules of an OUT, UPDATE or CANCEL look at: the declaration, the employer it names, the worker it
/// names if any, the period it names (null when the employer has none with that id: another employer's period is
/// not found) and whether that id is the number of the employer's refused IN, the worker's other periods with the employer and the quota hours without this period (for an UPDATE), and the
/// Belgian civil time at reception.
/// </summary>
public sealed record ChangeFacts(
    PeriodChange Change,
    Employer Employer,
    Worker? Worker,
    Period? Period,
    bool PeriodOfRefusedIn,
    IReadOnlyList<Period> OtherPeriods,
    int QuotaHoursBefore,
    DateTime BrusselsNow)
{
    public DateOnly Today => DateOnly.FromDateTime(BrusselsNow);
}

/// <summary>
/// The rules of the declarations that change a period: the period must exist among the employer's and be
/// available, and belong to the worker named; the move must be one its state allows; and the period it leaves must
/// pass the rules an IN of its worker type passes, under the UPDATE's own codes where the official list has them.
/// </summary>
public static class ChangeRules
{
    /// <summary>The field path prefix of each kind's message in the contract.</summary>
    public static string FieldOf(DeclarationKind kind) => kind switch
    {
        DeclarationKind.In => Field.DimonaIn,
        DeclarationKind.Out => "dimona_out",
        DeclarationKind.Update => "dimona_update",
        DeclarationKind.Cancel => "dimona_cancel",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>90378-360: an UPDATE gives at least a start or an end date. Stateless: it runs before the writer.</summary>
    public static Anomaly? UpdateHasDate(DimonaUpdate u) => u.StartDate is null && u.EndDate is null
        ? Anomaly.Blocking("90378-360", "dimona_update", "An UPDATE needs a start date or an end date (the current one, to change only hours).")
        : null;

    /// <summary>Every anomaly, and the period as the declaration leaves it when no anomaly blocks it.</summary>
    public static (IReadOnlyList<Anomaly> Anomalies, Period? Changed) Check(ChangeFacts f)
    {
        var prefix = FieldOf(f.Change.Kind);
        var periodField = $"{prefix}.period_id";
        if (f.Period is not { } period)
        {
            var id = f.Change.PeriodId;
            return ([f.PeriodOfRefusedIn
                ? Anomaly.Blocking("00913-357", periodField, $"Period {id} does not exist: its IN was refused.")
                : Anomaly.Blocking("00913-354", periodField, $"No period has id {id}.")], null);
        }
        // Another employer's period never gets here: it is answered as an unknown id (00913-354), not with the
        // official 00014-347 / 00011-347, which would tell that the id exists.
        if (f.Worker?.Niss is { } niss && niss != period.Worker)
        {
            return ([Anomaly.Blocking("00024-347", "worker.niss", $"Period {period.Id} is about another worker.")], null);
        }

        var transition = f.Change switch
        {
            DimonaOut o => period.Close(o, periodField),
            DimonaUpdate u => period.Update(u, periodField, $"{prefix}.end_date"),
            DimonaCancel => period.Cancel(periodField),
            _ => throw new ArgumentException("An IN changes no period.", nameof(f)),
        };
        if (transition.Changed is not { } changed)
        {
            return ([transition.Refusal!], null);
        }
        if (f.Change is DimonaCancel)
        {
            return ([], changed);
        }

        var shape = new InCheck(changed.AsIn(), new Worker.Identified(changed.Worker), f.BrusselsNow);
        var anomalies = DimonaInRules.PeriodShape.Select(rule => rule(shape)).OfType<Anomaly>().Select(a => Recoded(a, f.Change.Kind)).ToList();
        if (f.Change is DimonaUpdate update)
        {
            anomalies.AddRange(DimonaInRules.Check(new InFacts(changed.AsIn(), f.Employer, f.OtherPeriods, f.QuotaHoursBefore))
                .Select(a => Recoded(a, DeclarationKind.Update)));
            if (LateUpdate(update, period, f.Today) is { } late)
            {
                anomalies.Add(late);
            }
        }
        return (anomalies, changed);
    }

    /// <summary>
    /// 90378-460 (warning): an UPDATE that changes a start or end date to one already past is accepted, but late. A date
    /// repeated as it stands (to change only hours) is no change.
    /// </summary>
    public static Anomaly? LateUpdate(DimonaUpdate u, Period before, DateOnly today) =>
        (u.StartDate is { } start && start != before.StartDate && start < today)
        || (u.EndDate is { } end && end != DimonaUpdate.ReOpen && end != before.EndDate && end < today)
            ? Anomaly.Warning("90378-460", "dimona_update", "Late declaration: this UPDATE sets a date already past.")
            : null;

    /// <summary>The official DimonaUpdate codes for the IN rules that have one.</summary>
    private static readonly HashSet<string> UpdateCodes = ["90373-333", "90373-334", "90373-341", "90373-343", "90373-421", "90373-460"];

    /// <summary>The fields of a Dimona OUT: an anomaly on any other part of the period is reported on its id.</summary>
    private static readonly HashSet<string> OutFields = ["dimona_out.end_date", "dimona_out.end_hour"];

    /// <summary>
    /// An IN rule's anomaly as the change reports it: its field under the change's message (for an OUT, the period id
    /// when the OUT has no such field: the period must first be changed by an UPDATE), its code the UPDATE's own where
    /// one exists: 90378-368 when an UPDATE removes an end date the worker type requires.
    /// </summary>
    private static Anomaly Recoded(Anomaly a, DeclarationKind kind)
    {
        var prefix = FieldOf(kind);
        var field = a.Field == Field.DimonaIn ? prefix
            : a.Field.StartsWith(Field.DimonaIn + ".", StringComparison.Ordinal) ? prefix + a.Field[Field.DimonaIn.Length..]
            : a.Field;
        if (kind == DeclarationKind.Out && field.StartsWith(prefix, StringComparison.Ordinal) && !OutFields.Contains(field))
        {
            return a with { Field = $"{prefix}.period_id", Message = $"{a.Message} (The period as it stands; change it with a Dimona UPDATE first.)" };
        }
        if (kind == DeclarationKind.Update && a.Code == "00911-001")
        {
            return a with { Code = "90378-368", Field = field, Message = "This UPDATE may not remove the end date: the period's worker type or joint committee requires one." };
        }
        var code = kind == DeclarationKind.Update && UpdateCodes.Contains(a.Code) ? "90378" + a.Code[5..] : a.Code;
        return a with { Code = code, Field = field };
    }
}
