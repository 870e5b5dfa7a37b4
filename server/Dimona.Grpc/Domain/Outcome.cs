using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Domain;

/// <summary>What kind of error a <see cref="Failure"/> is; the adapter maps each to its gRPC status code.</summary>
public enum FailureKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    FailedPrecondition,
    ResourceExhausted,
    Unavailable,
    Internal,
    Unauthenticated,
    PermissionDenied,
}

/// <summary>A bad field of a malformed request: its proto field path and what is wrong, never the value given.</summary>
public sealed record FieldError(string Field, string Description);

/// <summary>
/// Why a piece of work produced no declaration: the error a caller sees, with an UPPER_SNAKE <see cref="Reason"/>
/// and, for a malformed request, every bad field.
/// </summary>
public sealed record Failure(FailureKind Kind, string Reason, string Message, IReadOnlyList<FieldError> Fields)
{
    /// <summary>What the ErrorInfo's metadata says besides the reason, e.g. the scope a token lacks.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public static Failure InvalidRequest(IReadOnlyList<FieldError> fields) =>
        new(FailureKind.InvalidArgument, "INVALID_REQUEST", $"Invalid request: {string.Join(", ", fields.Select(f => f.Field))}.", fields);

    public static Failure EmployerNotFound(EmployerId id) =>
        new(FailureKind.NotFound, "EMPLOYER_NOT_FOUND", $"No employer has {id}.", []);

    public static Failure DeclarationNotFound(DeclarationNumber number) =>
        new(FailureKind.NotFound, "DECLARATION_NOT_FOUND", $"No declaration has number {number}.", []);

    public static Failure EmployerAlreadyRegistered(EnterpriseNumber number) =>
        new(FailureKind.AlreadyExists, "EMPLOYER_ALREADY_REGISTERED", $"An employer with enterprise number {number} is already registered: identify it with IdentifyEmployer.", []);

    public static Failure EmployerAlreadyDefinitive(OnssNumber provisional) =>
        new(FailureKind.FailedPrecondition, "EMPLOYER_ALREADY_DEFINITIVE", $"The employer with provisional ONSS number {provisional} is already definitive.", []);

    public static Failure DeclarationNotPending(DeclarationNumber number) =>
        new(FailureKind.FailedPrecondition, "DECLARATION_NOT_PENDING", $"Declaration {number} is not pending: only a pending declaration can be resolved.", []);

    public static Failure PeriodNotFound(PeriodId id) =>
        new(FailureKind.NotFound, "PERIOD_NOT_FOUND", $"No period has id {id}.", []);

    public static Failure RequestIdReused() =>
        new(FailureKind.AlreadyExists, "REQUEST_ID_REUSED", "This request_id was already used by this employer for a different declaration.", []);

    public static Failure StorageUnavailable() =>
        new(FailureKind.Unavailable, "STORAGE_UNAVAILABLE", "The declaration store cannot write just now and nothing was stored: retry later with the same request_id.", []);

    public static Failure WriterBusy(TimeSpan waited) =>
        new(FailureKind.ResourceExhausted, "WRITER_BUSY", $"The writer's queue stayed full for {waited.TotalSeconds:0.#} s and nothing was stored: retry later with the same request_id.", []);

    public static Failure Unparsable(string reason) =>
        new(FailureKind.InvalidArgument, "UNPARSABLE_REQUEST", $"The request message cannot be parsed: {reason}.", []);

    public static Failure BatchTooLarge(int count, int limit) =>
        new(FailureKind.InvalidArgument, "BATCH_TOO_LARGE", $"A batch message carries at most {limit} items; this one has {count}.",
            [new FieldError("items", $"At most {limit} items per message.")]);

    public static Failure ShuttingDown() =>
        new(FailureKind.Unavailable, "SHUTTING_DOWN", "The service is shutting down: every item answered so far is stored; resend the others.", []);

    public static Failure TokenRequired() =>
        new(FailureKind.Unauthenticated, "TOKEN_REQUIRED", "This call needs a bearer token: send the metadata 'authorization: Bearer <token>'.", []);

    public static Failure SecuredChannelRequired() =>
        new(FailureKind.Unauthenticated, "SECURED_CHANNEL_REQUIRED", "The unsecured channel only submits declarations and identifies employers: this call needs a bearer token.", []);

    public static Failure PreviewNeedsSecuredChannel() =>
        new(FailureKind.Unauthenticated, "SECURED_CHANNEL_REQUIRED",
            "A preview (validate_only) needs a bearer token: the unsecured channel only stores declarations.",
            [new FieldError("validate_only", "Needs the secured channel.")]);

    public static Failure InvalidToken(string why) =>
        new(FailureKind.Unauthenticated, "INVALID_TOKEN", $"The bearer token was refused: {why}.", []);

    public static Failure AuthorityUnavailable() =>
        new(FailureKind.Unavailable, "AUTHORITY_UNAVAILABLE", "The bearer token cannot be checked just now: the identity provider's signing keys cannot be fetched. Retry later.", []);

    public static Failure ScopeMissing(Scopes scope) =>
        new(FailureKind.PermissionDenied, "SCOPE_MISSING", $"The token lacks the scope '{ScopeNames.Name(scope)}' this call needs.", [])
        {
            Metadata = new Dictionary<string, string> { ["scope"] = ScopeNames.Name(scope) },
        };

    public static Failure EmployerNotPermitted() =>
        new(FailureKind.PermissionDenied, "EMPLOYER_NOT_PERMITTED", "The token does not name this employer: a caller acts only for the employers its token names.",
            [new FieldError("employer", "Not an employer of the token.")]);

    public static Failure Internal() =>
        new(FailureKind.Internal, "INTERNAL", "The service failed on this declaration and did not store it; the failure is logged.", []);
}

/// <summary>The result of one piece of work: a value, or the <see cref="Failure"/> that stopped it.</summary>
public readonly record struct Outcome<T>
    where T : class
{
    private Outcome(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public Failure? Failure { get; }

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(null, failure);
}
