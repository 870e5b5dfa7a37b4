using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Persistence;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// The changes that are not declarations: an employer's registration through Wide and its confirmation, and an
/// operator resolving a pending declaration. Each is checked here, then decided and committed by the one writer, with
/// its audit record (<paramref name="time"/> is the writer's clock) naming the caller.
/// </summary>
public sealed class Operations(DeclarationWriter writer, TimeProvider time)
{
    /// <summary>Registers an employer: definitive at once through the secured channel, provisional through the unsecured one.</summary>
    public async Task<Outcome<Employer>> RegisterAsync(V1.RegisterEmployerRequest request, Caller caller, CancellationToken ct)
    {
        var checkedRequest = RequestCheck.Register(request);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }
        var (employer, secured) = checkedRequest.Value!;
        return await writer.RunAsync<Employer>(t =>
        {
            if (t.EnterpriseNumberTaken(employer.EnterpriseNumber!))
            {
                return Failure.EmployerAlreadyRegistered(employer.EnterpriseNumber!);
            }
            var number = FreeOnssNumber(t, provisional: !secured);
            var added = t.AddEmployer(secured ? employer with { OnssNumber = number } : employer with { ProvisionalOnssNumber = number });
            t.Audit(AuditRecord.Registered(time.GetUtcNow(), caller, added));
            return added;
        }, Submissions.UnaryQueueWait, ct);
    }

    /// <summary>Confirms a provisional registration: the employer gets a definitive ONSS number and keeps its provisional one.</summary>
    public async Task<Outcome<Employer>> ConfirmAsync(V1.ConfirmEmployerRegistrationRequest request, Caller caller, CancellationToken ct)
    {
        var provisional = RequestCheck.Confirm(request);
        if (provisional.Failure is { } failure)
        {
            return failure;
        }
        var id = new EmployerId.Onss(provisional.Value!);
        return await writer.RunAsync<Employer>(t =>
        {
            if (t.FindEmployer(id) is not { } employer)
            {
                return Failure.EmployerNotFound(id);
            }
            if (employer.IsDefinitive)
            {
                return Failure.EmployerAlreadyDefinitive(provisional.Value!);
            }
            var number = FreeOnssNumber(t, provisional: false);
            t.SetDefinitiveOnssNumber(employer.Id, number);
            var confirmed = employer with { OnssNumber = number };
            t.Audit(AuditRecord.Confirmed(time.GetUtcNow(), caller, confirmed));
            return confirmed;
        }, Submissions.UnaryQueueWait, ct);
    }

    /// <summary>
    /// Gives a pending declaration its final result with the NISS found for its worker: the stateful rules run again
    /// with it, and an accepted declaration creates its period.
    /// </summary>
    public async Task<Outcome<Declaration>> ResolveAsync(V1.ResolvePendingDeclarationRequest request, Caller caller, CancellationToken ct)
    {
        var checkedRequest = RequestCheck.Resolve(request);
        if (checkedRequest.Failure is { } failure)
        {
            return failure;
        }
        var (number, niss) = checkedRequest.Value!;
        return await writer.RunAsync<Declaration>(t =>
        {
            if (t.FindDeclaration(number) is not { } stored)
            {
                return Failure.DeclarationNotFound(number);
            }
            if (stored.Declaration.Status != DeclarationStatus.Pending || stored.Shape is not { } declared)
            {
                return Failure.DeclarationNotPending(number);
            }
            var employer = t.FindEmployer(stored.EmployerId)!;
            var decision = Decisions.Resolved(t, employer, niss, declared, stored.Declaration.Anomalies);
            var created = decision.Saves(number, employer.Id);
            t.Resolve(number, decision.Status, decision.Anomalies, niss, created);
            t.Audit(AuditRecord.Resolved(time.GetUtcNow(), caller, employer.Id, number, decision.Status));
            return stored.Declaration with { Status = decision.Status, Anomalies = decision.Anomalies, PeriodId = created?.Id, IdentifiedNiss = niss };
        }, Submissions.UnaryQueueWait, ct);
    }

    private static OnssNumber FreeOnssNumber(IStoreTransaction t, bool provisional)
    {
        OnssNumber number;
        do
        {
            number = OnssNumber.Draw(provisional);
        }
        while (t.OnssNumberTaken(number));
        return number;
    }
}
