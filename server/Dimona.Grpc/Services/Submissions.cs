using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;
using Dimona.Grpc.Hosting;
using Dimona.Grpc.Persistence;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// The path of submitted declarations: the stateless checks (malformed request, rules that need no stored facts)
/// here, on the caller's thread, then the writer, which decides and commits.
/// </summary>
public sealed class Submissions(DeclarationWriter writer, TimeProvider time, ILogger<Submissions> logger)
{
    /// <summary>How long a unary call waits for room in a full writer queue before it fails with RESOURCE_EXHAUSTED.</summary>
    public static readonly TimeSpan UnaryQueueWait = TimeSpan.FromSeconds(5);

    public async Task<Outcome<Declaration>> SubmitAsync(V1.SubmitDeclarationRequest request, Caller caller, CancellationToken ct)
    {
        var checkedDeclaration = Check(request, caller, Now());
        if (checkedDeclaration.Failure is { } failure)
        {
            return failure;
        }
        return (await writer.WriteAsync([checkedDeclaration.Value!], UnaryQueueWait, ct))[0];
    }

    /// <summary>Submits the items of one batch message as one job; the outcomes come in the items' order.</summary>
    public async Task<Outcome<Declaration>[]> SubmitAsync(IReadOnlyList<V1.SubmitDeclarationRequest> items, Caller caller, CancellationToken ct)
    {
        var now = Now();
        var outcomes = new Outcome<Declaration>[items.Count];
        var wellFormed = new List<CheckedDeclaration>(items.Count);
        var slots = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var checkedDeclaration = Check(items[i], caller, now);
            if (checkedDeclaration.Failure is { } failure)
            {
                outcomes[i] = failure;
            }
            else
            {
                wellFormed.Add(checkedDeclaration.Value!);
                slots.Add(i);
            }
        }
        if (wellFormed.Count > 0)
        {
            var written = await writer.WriteAsync(wellFormed, maxWait: null, ct);
            for (var k = 0; k < written.Length; k++)
            {
                outcomes[slots[k]] = written[k];
            }
        }
        return outcomes;
    }

    /// <summary>The receive time, to the microsecond: what every database keeps (PostgreSQL's resolution), so that an answer shows what a read shows later.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>
    /// The stateless checks of one declaration. A bug in them fails that declaration alone with INTERNAL, as a bug in
    /// the writer's decision does: it never ends a batch stream or reaches a caller as UNKNOWN.
    /// </summary>
    private Outcome<CheckedDeclaration> Check(V1.SubmitDeclarationRequest request, Caller caller, DateTimeOffset now)
    {
        try
        {
            return CheckOrThrow(request, caller, now);
        }
        catch (Exception e)
        {
            logger.Failed(e, "A declaration failed its stateless checks and was answered INTERNAL");
            return Failure.Internal();
        }
    }

    private static Outcome<CheckedDeclaration> CheckOrThrow(V1.SubmitDeclarationRequest request, Caller caller, DateTimeOffset now)
    {
        if (!caller.Secured && request.ValidateOnly)
        {
            // A preview stores nothing: on the unsecured channel it would let anyone probe employers' workers freely.
            return Failure.PreviewNeedsSecuredChannel();
        }
        var brusselsNow = BelgianTime.ToBrussels(now);
        var wellFormed = RequestCheck.Submit(request, DateOnly.FromDateTime(brusselsNow));
        if (wellFormed.Failure is { } failure)
        {
            return failure;
        }
        var declaration = wellFormed.Value!;
        var receivedJson = ContractMapping.ToReceivedJson(request, declaration.RequestId);
        if (!caller.Secured)
        {
            declaration = declaration with { RequestId = UnsecuredRequestId(declaration.RequestId) };
        }
        IReadOnlyList<Anomaly> anomalies = declaration.Content switch
        {
            DimonaIn @in => DimonaInRules.Check(new InCheck(@in, declaration.Worker!, brusselsNow)),
            DimonaUpdate update => ChangeRules.UpdateHasDate(update) is { } noDate ? [noDate] : [],
            _ => [],
        };
        return new CheckedDeclaration(declaration, now, anomalies, receivedJson, caller);
    }

    /// <summary>
    /// The key under which a request id given on the unsecured channel is kept: a UUID derived from it (version 8,
    /// from SHA-256), so that the unsecured channel's request ids never meet the secured channel's. Otherwise anyone
    /// who can guess a secured request id (say, one a batch file's line gave) could resend that request without a
    /// token and be answered the secured declaration's number and period id. A retry on the unsecured channel still
    /// finds its own earlier declaration, and the stored request keeps the id as the caller gave it.
    /// </summary>
    internal static Guid UnsecuredRequestId(Guid requestId)
    {
        Span<byte> input = stackalloc byte[32];
        "dimona.unsecured"u8.CopyTo(input);
        requestId.TryWriteBytes(input[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
