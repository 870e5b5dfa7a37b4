using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dimona.Grpc.Services;

/// <summary>
/// Collects every bad field of a request and throws one INVALID_ARGUMENT carrying a google.rpc.BadRequest
/// (one violation per field) and a google.rpc.ErrorInfo with reason INVALID_REQUEST.
/// </summary>
internal sealed class Violations
{
    public const string Domain = "dimona.v1";
    private readonly BadRequest badRequest = new();

    public bool HasAny => badRequest.FieldViolations.Count > 0;

    public void Add(string field, string description) =>
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

    public void ThrowIfAny()
    {
        if (!HasAny)
        {
            return;
        }
        var fields = string.Join(", ", badRequest.FieldViolations.Select(v => v.Field));
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Invalid request: {fields}.",
            Details =
            {
                Any.Pack(badRequest),
                Any.Pack(new ErrorInfo { Reason = "INVALID_REQUEST", Domain = Domain }),
            },
        }.ToRpcException();
    }

    /// <summary>An error with an ErrorInfo reason and no field details, for NOT_FOUND and ALREADY_EXISTS.</summary>
    public static RpcException Error(Code code, string reason, string message) => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
    }.ToRpcException();
}
