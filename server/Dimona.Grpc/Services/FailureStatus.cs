using Dimona.Grpc.Domain;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Grpc.Services;

/// <summary>
/// A <see cref="Failure"/> as the caller sees it: a google.rpc.Status with an ErrorInfo (reason, domain "dimona.v1")
/// and, for a malformed request, a BadRequest with one violation per field. Unary calls throw it; a batch puts it in
/// the item's slot.
/// </summary>
internal static class FailureStatus
{
    public const string Domain = "dimona.v1";

    public static Google.Rpc.Status ToStatus(this Failure failure)
    {
        var status = new Google.Rpc.Status { Code = (int)CodeOf(failure.Kind), Message = failure.Message };
        if (failure.Fields.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(failure.Fields.Select(f => new BadRequest.Types.FieldViolation { Field = f.Field, Description = f.Description }));
            status.Details.Add(Any.Pack(badRequest));
        }
        var info = new ErrorInfo { Reason = failure.Reason, Domain = Domain };
        foreach (var (key, value) in failure.Metadata)
        {
            info.Metadata[key] = value;
        }
        status.Details.Add(Any.Pack(info));
        return status;
    }

    public static RpcException ToRpcException(this Failure failure) => failure.ToStatus().ToRpcException();

    private static Code CodeOf(FailureKind kind) => kind switch
    {
        FailureKind.InvalidArgument => Code.InvalidArgument,
        FailureKind.NotFound => Code.NotFound,
        FailureKind.AlreadyExists => Code.AlreadyExists,
        FailureKind.FailedPrecondition => Code.FailedPrecondition,
        FailureKind.ResourceExhausted => Code.ResourceExhausted,
        FailureKind.Unavailable => Code.Unavailable,
        FailureKind.Internal => Code.Internal,
        FailureKind.Unauthenticated => Code.Unauthenticated,
        FailureKind.PermissionDenied => Code.PermissionDenied,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown failure kind."),
    };
}
