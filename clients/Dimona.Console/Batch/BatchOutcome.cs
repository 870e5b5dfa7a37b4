using Dimona.V1;
using Grpc.Core;

namespace Dimona.Console.Batch;

/// <summary>What an upload got back: one answer per declaration sent, in order, up to where the call failed, if it did.</summary>
internal sealed record BatchOutcome(IReadOnlyList<BatchItemResult> Answers, RpcException? Failure);
