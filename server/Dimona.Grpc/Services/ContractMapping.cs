using System.Globalization;
using Dimona.Grpc.Domain;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>Domain values to contract messages.</summary>
internal static class ContractMapping
{
    // Stored requests stay readable after fields or enum values are retired from the contract.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>
    /// The contract JSON form in which a request is stored as received, with its request id in canonical form
    /// (lower-case, hyphenated) so that a retry is recognised whatever the case of its UUID.
    /// </summary>
    public static string ToReceivedJson(V1.SubmitDeclarationRequest request, Guid requestId)
    {
        var received = request.Clone();
        received.RequestId = requestId.ToString();
        return JsonFormatter.Default.Format(received);
    }

    /// <summary>
    /// Whether two requests in their received JSON form declare the same, however they name the employer: a retry
    /// may name it by another of its numbers (after a confirmation, the definitive one instead of the provisional).
    /// </summary>
    public static bool SameDeclaration(string receivedJson, string otherJson)
    {
        if (receivedJson == otherJson)
        {
            return true;
        }
        var received = Parser.Parse<V1.SubmitDeclarationRequest>(receivedJson);
        var other = Parser.Parse<V1.SubmitDeclarationRequest>(otherJson);
        received.Employer = other.Employer = null;
        return received.Equals(other);
    }

    public static V1.Employer ToContract(this Employer e) => new()
    {
        Name = e.Name,
        EnterpriseNumber = e.EnterpriseNumber?.Value ?? "",
        OnssNumber = e.OnssNumber?.Value ?? "",
        ProvisionalOnssNumber = e.ProvisionalOnssNumber?.Value ?? "",
        RegistrationStatus = e.IsDefinitive ? V1.RegistrationStatus.Definitive : V1.RegistrationStatus.Provisional,
        EmployerCategory = e.Category,
        NaceCodes = { e.NaceCodes ?? [] },
        Active = e.Active,
        Address = new V1.Address
        {
            Street = e.Address.Street,
            HouseNumber = e.Address.HouseNumber,
            Box = e.Address.Box,
            PostCode = e.Address.PostCode,
            Municipality = e.Address.Municipality,
            Country = e.Address.Country,
        },
    };

    /// <summary>A period as the contract shows it, its employer named by its enterprise number when it has one, else its ONSS number.</summary>
    public static V1.Period ToContract(this Period p, Employer employer)
    {
        var period = new V1.Period
        {
            PeriodId = p.Id.Value,
            Employer = employer switch
            {
                { EnterpriseNumber: { } e } => new V1.EmployerId { EnterpriseNumber = e.Value },
                { OnssNumber: { } o } => new V1.EmployerId { OnssNumber = o.Value },
                { ProvisionalOnssNumber: { } provisional } => new V1.EmployerId { ProvisionalOnssNumber = provisional.Value },
                _ => throw new ArgumentException("An employer has at least one number.", nameof(employer)),
            },
            WorkerNiss = p.Worker.Value,
            JointCommittee = p.JointCommittee,
            WorkerType = System.Enum.Parse<V1.WorkerType>(p.WorkerType.ToString(), ignoreCase: true),
            State = p.State switch
            {
                PeriodState.Open => V1.PeriodState.Open,
                PeriodState.Closed => V1.PeriodState.Closed,
                PeriodState.Cancelled => V1.PeriodState.Cancelled,
                _ => throw new ArgumentOutOfRangeException(nameof(p), p.State, "Unknown period state."),
            },
            StartDate = p.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = p.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            StartHour = p.StartHour?.ToString("HHmm", CultureInfo.InvariantCulture) ?? "",
            EndHour = p.EndHour?.ToString("HHmm", CultureInfo.InvariantCulture) ?? "",
        };
        if (p.PlannedHours is { } hours)
        {
            period.PlannedHours = hours;
        }
        return period;
    }

    /// <summary>A stored declaration as the contract shows it, with the request read back from its stored JSON.</summary>
    public static V1.Declaration ToContract(this Declaration d) => d.ToContract(Parser.Parse<V1.SubmitDeclarationRequest>(d.ReceivedJson));

    /// <summary>
    /// A declaration as the contract shows it, with <paramref name="received"/>, the request it was stored from (or
    /// one with the same content, such as a retry), as the request part.
    /// </summary>
    public static V1.Declaration ToContract(this Declaration d, V1.SubmitDeclarationRequest received)
    {
        var declaration = new V1.Declaration
        {
            DeclarationNumber = d.DeclarationNumber?.Value ?? "",
            ValidateOnly = d.DeclarationNumber is null,
            IdentifiedNiss = d.IdentifiedNiss?.Value ?? "",
            Status = d.Status switch
            {
                DeclarationStatus.Accepted => V1.DeclarationStatus.Accepted,
                DeclarationStatus.AcceptedWithWarnings => V1.DeclarationStatus.AcceptedWithWarnings,
                DeclarationStatus.Refused => V1.DeclarationStatus.Refused,
                DeclarationStatus.Pending => V1.DeclarationStatus.Pending,
                _ => throw new ArgumentOutOfRangeException(nameof(d), d.Status, "Unknown status."),
            },
            PeriodId = d.PeriodId?.Value ?? "",
            ReceiveTime = Timestamp.FromDateTimeOffset(d.ReceiveTime),
            RequestId = Guid.Parse(received.RequestId).ToString(),
            Employer = received.Employer?.Clone(),
            Worker = received.Worker?.Clone(),
            Reference = received.Reference,
        };
        declaration.Anomalies.AddRange(d.Anomalies.Select(a => new V1.Anomaly
        {
            Code = a.Code,
            Severity = a.Severity == Severity.Blocking ? V1.Severity.Blocking : V1.Severity.Warning,
            Field = a.Field,
            Message = a.Message,
        }));
        switch (received.ContentCase)
        {
            case V1.SubmitDeclarationRequest.ContentOneofCase.DimonaIn:
                declaration.DimonaIn = received.DimonaIn.Clone();
                break;
            case V1.SubmitDeclarationRequest.ContentOneofCase.DimonaOut:
                declaration.DimonaOut = received.DimonaOut.Clone();
                break;
            case V1.SubmitDeclarationRequest.ContentOneofCase.DimonaUpdate:
                declaration.DimonaUpdate = received.DimonaUpdate.Clone();
                break;
            case V1.SubmitDeclarationRequest.ContentOneofCase.DimonaCancel:
                declaration.DimonaCancel = received.DimonaCancel.Clone();
                break;
        }
        return declaration;
    }
}
