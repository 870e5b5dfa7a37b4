using Dimona.Client;
using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Tests;

/// <summary>A client that records the requests it gets and answers with what the test set, or fails with its exception.</summary>
internal sealed class FakeDimonaClient : DimonaService.DimonaServiceClient
{
    public List<Google.Protobuf.IMessage> Requests { get; } = [];

    public Uri? Address { get; private set; }

    public IdentifyEmployerResponse IdentifyResponse { get; set; } = new();

    public SubmitDeclarationResponse SubmitResponse { get; set; } = new();

    public GetDeclarationResponse GetResponse { get; set; } = new();

    public ListDeclarationsResponse ListResponse { get; set; } = new();

    public ListPeriodsResponse PeriodsResponse { get; set; } = new();

    public GetPeriodResponse PeriodResponse { get; set; } = new();

    public RegisterEmployerResponse RegisterResponse { get; set; } = new();

    public ConfirmEmployerRegistrationResponse ConfirmResponse { get; set; } = new();

    public ListPendingDeclarationsResponse PendingResponse { get; set; } = new();

    public ResolvePendingDeclarationResponse ResolveResponse { get; set; } = new();

    public RpcException? Failure { get; set; }

    public FakeBatchStream Batch { get; } = new();

    /// <summary>The token the command line gave (--token or DIMONA_TOKEN), null for none.</summary>
    public string? Token { get; private set; }

    /// <summary>The options the command line gave, certificates included; null until a command connects.</summary>
    public DimonaClientOptions? Options { get; private set; }

    public DimonaService.DimonaServiceClient Connect(DimonaClientOptions options)
    {
        Options = options;
        Address = options.Address;
        Token = options.Token;
        return this;
    }

    public override AsyncUnaryCall<IdentifyEmployerResponse> IdentifyEmployerAsync(IdentifyEmployerRequest request, CallOptions options) =>
        Answer(request, IdentifyResponse);

    public override AsyncUnaryCall<SubmitDeclarationResponse> SubmitDeclarationAsync(SubmitDeclarationRequest request, CallOptions options) =>
        Answer(request, SubmitResponse);

    public override AsyncUnaryCall<GetDeclarationResponse> GetDeclarationAsync(GetDeclarationRequest request, CallOptions options) =>
        Answer(request, GetResponse);

    public override AsyncUnaryCall<ListDeclarationsResponse> ListDeclarationsAsync(ListDeclarationsRequest request, CallOptions options) =>
        Answer(request, ListResponse);

    public override AsyncUnaryCall<ListPeriodsResponse> ListPeriodsAsync(ListPeriodsRequest request, CallOptions options) =>
        Answer(request, PeriodsResponse);

    public override AsyncUnaryCall<GetPeriodResponse> GetPeriodAsync(GetPeriodRequest request, CallOptions options) =>
        Answer(request, PeriodResponse);

    public override AsyncUnaryCall<RegisterEmployerResponse> RegisterEmployerAsync(RegisterEmployerRequest request, CallOptions options) =>
        Answer(request, RegisterResponse);

    public override AsyncUnaryCall<ConfirmEmployerRegistrationResponse> ConfirmEmployerRegistrationAsync(
        ConfirmEmployerRegistrationRequest request, CallOptions options) =>
        Answer(request, ConfirmResponse);

    public override AsyncUnaryCall<ListPendingDeclarationsResponse> ListPendingDeclarationsAsync(
        ListPendingDeclarationsRequest request, CallOptions options) =>
        Answer(request, PendingResponse);

    public override AsyncUnaryCall<ResolvePendingDeclarationResponse> ResolvePendingDeclarationAsync(
        ResolvePendingDeclarationRequest request, CallOptions options) =>
        Answer(request, ResolveResponse);

    public override AsyncDuplexStreamingCall<SubmitDeclarationBatchRequest, SubmitDeclarationBatchResponse> SubmitDeclarationBatch(CallOptions options) =>
        new(Batch, Batch, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });

    private AsyncUnaryCall<TResponse> Answer<TResponse>(Google.Protobuf.IMessage request, TResponse response)
    {
        Requests.Add(request);
        var result = Failure is null ? Task.FromResult(response) : Task.FromException<TResponse>(Failure);
        return new AsyncUnaryCall<TResponse>(
            result,
            Task.FromResult(new Metadata()),
            () => Failure?.Status ?? Status.DefaultSuccess,
            () => [],
            () => { });
    }
}
