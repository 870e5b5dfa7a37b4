using Dimona.Grpc.Domain;

namespace Dimona.Grpc.Services;

/// <summary>
/// Collects every bad field of a request, to answer them all in one INVALID_ARGUMENT: each field once, with the first
/// reason found (so a field with a control character is not also called too long or not a number).
/// </summary>
internal sealed class Violations
{
    private readonly List<FieldError> fields = [];

    public bool HasAny => fields.Count > 0;

    public void Add(string field, string description)
    {
        if (!fields.Exists(f => f.Field == field))
        {
            fields.Add(new FieldError(field, description));
        }
    }

    /// <summary>The INVALID_REQUEST failure listing every bad field, or null when the request is well formed.</summary>
    public Failure? ToFailure() => HasAny ? Failure.InvalidRequest([.. fields]) : null;
}
