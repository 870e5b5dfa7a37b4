using Dimona.Grpc.Domain;
using Dimona.Grpc.Persistence;
using Dimona.Grpc.Security;
using Grpc.Core;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// The gRPC adapter: hands requests to the store or the submission path and maps outcomes back, a failure to an
/// <see cref="RpcException"/> on unary calls and to the item's slot in a batch. Bound through
/// <see cref="TolerantParsing"/>, so that an unparsable request reaches it as a placeholder instead of failing in gRPC.
/// </summary>
[BindServiceMethod(typeof(DimonaGrpcService), nameof(BindService))]
public sealed partial class DimonaGrpcService(
    DimonaStore store, Submissions submissions, Operations operations, IHostApplicationLifetime lifetime, ILogger<DimonaGrpcService> logger)
    : V1.DimonaService.DimonaServiceBase
{
    /// <summary>Items one batch message may carry.</summary>
    public const int MaxItemsPerMessage = 1000;

    public static void BindService(ServiceBinderBase binder, V1.DimonaService.DimonaServiceBase service) =>
        V1.DimonaService.BindService(new TolerantParsing.Binder(binder), service);

    public override async Task<V1.IdentifyEmployerResponse> IdentifyEmployer(V1.IdentifyEmployerRequest request, ServerCallContext context)
    {
        Allowed(context, Access.Identify);
        var employer = await EmployerAsync(Value(RequestCheck.Identify(request)), context.CancellationToken);
        return new V1.IdentifyEmployerResponse { Employer = employer.ToContract() };
    }

    public override async Task<V1.SubmitDeclarationResponse> SubmitDeclaration(V1.SubmitDeclarationRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Submit);
        var declaration = Value(await submissions.SubmitAsync(request, caller, context.CancellationToken));
        return new V1.SubmitDeclarationResponse { Declaration = declaration.ToAnswer(request, caller) };
    }

    public override async Task<V1.GetDeclarationResponse> GetDeclaration(V1.GetDeclarationRequest request, ServerCallContext context)
    {
        var caller = Allowed(context, Access.Consult);
        var number = Value(RequestCheck.DeclarationNumber(request));
        // Another employer's declaration is answered exactly as a number that does not exist.
        var found = await store.FindDeclarationOfAsync(number, context.CancellationToken) is { } d && caller.MayActFor(d.Employer) ? d.Declaration : null;
        var declaration = found ?? throw Failure.DeclarationNotFound(number).ToRpcException();
        return new V1.GetDeclarationResponse { Declaration = declaration.ToContract() };
    }

    /// <summary>Each message's items go the way of SubmitDeclaration as one job; see <see cref="BatchStream"/> for the flow.</summary>
    public override async Task SubmitDeclarationBatch(
        IAsyncStreamReader<V1.SubmitDeclarationBatchRequest> requestStream,
        IServerStreamWriter<V1.SubmitDeclarationBatchResponse> responseStream,
        ServerCallContext context)
    {
        var caller = Allowed(context, Access.Submit);
        var end = await BatchStream.RunAsync(requestStream, responseStream,
            message => TolerantParsing.WhyUnparsable(message) is { } reason ? TolerantParsing.Refuse(logger, context.Method, reason)
                : message.Items.Count > MaxItemsPerMessage ? Failure.BatchTooLarge(message.Items.Count, MaxItemsPerMessage)
                : null,
            message => AnswerAsync(message.Items, caller, context.CancellationToken),
            lifetime.ApplicationStopping,
            context.CancellationToken);
        if (end is not null)
        {
            throw end.ToRpcException();
        }
    }

    private async Task<V1.SubmitDeclarationBatchResponse> AnswerAsync(IReadOnlyList<V1.SubmitDeclarationRequest> items, Caller caller, CancellationToken ct)
    {
        var outcomes = await submissions.SubmitAsync(items, caller, ct);
        var response = new V1.SubmitDeclarationBatchResponse();
        for (var i = 0; i < outcomes.Length; i++)
        {
            response.Results.Add(outcomes[i].Failure is { } failure
                ? new V1.BatchItemResult { Error = failure.ToStatus() }
                : new V1.BatchItemResult { Declaration = outcomes[i].Value!.ToAnswer(items[i], caller) });
        }
        return response;
    }

    /// <summary>The employer <paramref name="id"/> names; NOT_FOUND (EMPLOYER_NOT_FOUND) when none.</summary>
    private async Task<Employer> EmployerAsync(EmployerId id, CancellationToken ct) =>
        await store.FindEmployerAsync(id, ct) ?? throw Failure.EmployerNotFound(id).ToRpcException();

    /// <summary>The call's caller, when <paramref name="access"/> lets it make the call; else the call fails with its failure.</summary>
    private static Caller Allowed(ServerCallContext context, Func<Caller, Failure?> access)
    {
        var caller = CallerInterceptor.CallerOf(context);
        return access(caller) is { } failure ? throw failure.ToRpcException() : caller;
    }

    /// <summary>The employer a personnel-file list names, when the caller acts for it; PERMISSION_DENIED (employer) when not.</summary>
    private async Task<Employer> OwnEmployerAsync(Caller caller, EmployerId id, CancellationToken ct)
    {
        var employer = await EmployerAsync(id, ct);
        return caller.MayActFor(employer) ? employer : throw Failure.EmployerNotPermitted().ToRpcException();
    }

    private static T Value<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Failure is { } failure ? throw failure.ToRpcException() : outcome.Value!;
}
