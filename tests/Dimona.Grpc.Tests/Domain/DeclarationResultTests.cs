using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;
using static Dimona.Grpc.Tests.Domain.InChecks;

namespace Dimona.Grpc.Tests.Domain;

public class DeclarationResultTests
{
    private static readonly Anomaly Blocking = Anomaly.Blocking("00911-014", Field.EndDate, "The end date is before the start date.");
    private static readonly Anomaly Warning = Anomaly.Warning("90373-460", Field.StartDate, "Late declaration.");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StatusOf_BlockingAnomaly_Refused(bool workerIdentified) =>
        Assert.Equal(DeclarationStatus.Refused, DeclarationResult.StatusOf([Blocking], workerIdentified));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StatusOf_BlockingAmongWarnings_Refused(bool workerIdentified) =>
        Assert.Equal(DeclarationStatus.Refused, DeclarationResult.StatusOf([Warning, Blocking, Warning], workerIdentified));

    [Fact]
    public void StatusOf_OnlyWarnings_AcceptedWithWarnings() =>
        Assert.Equal(DeclarationStatus.AcceptedWithWarnings, DeclarationResult.StatusOf([Warning, Warning], workerIdentified: true));

    [Fact]
    public void StatusOf_NoAnomaly_Accepted() =>
        Assert.Equal(DeclarationStatus.Accepted, DeclarationResult.StatusOf([], workerIdentified: true));

    [Fact]
    public void StatusOf_NoNissAndNoAnomaly_Pending() =>
        Assert.Equal(DeclarationStatus.Pending, DeclarationResult.StatusOf([], workerIdentified: false));

    [Fact]
    public void StatusOf_NoNissAndOnlyWarnings_Pending() =>
        Assert.Equal(DeclarationStatus.Pending, DeclarationResult.StatusOf([Warning], workerIdentified: false));

    [Fact]
    public void StatusOf_LateButOtherwiseValidIn_AcceptedWithWarnings() =>
        Assert.Equal(DeclarationStatus.AcceptedWithWarnings,
            DeclarationResult.StatusOf(CheckAll(Declaring(Ordinary with { StartDate = Date("2026-11-20") })), workerIdentified: true));

    [Fact]
    public void StatusOf_StgFromProvisionalEmployer_Refused() =>
        Assert.Equal(DeclarationStatus.Refused,
            DeclarationResult.StatusOf(CheckAll(Declaring(Intern) with { Employer = ProvisionalEmployer }), workerIdentified: true));

    [Theory]
    [InlineData(DeclarationStatus.Accepted, true)]
    [InlineData(DeclarationStatus.AcceptedWithWarnings, true)]
    [InlineData(DeclarationStatus.Refused, false)]
    [InlineData(DeclarationStatus.Pending, false)]
    public void AppliesChange_Status_OnlyWhenAccepted(DeclarationStatus status, bool applies) =>
        Assert.Equal(applies, DeclarationResult.AppliesChange(status));

    [Fact]
    public void AppliesChange_EveryStatus_IsCoveredAbove() =>
        Assert.Equal(
            [DeclarationStatus.Accepted, DeclarationStatus.AcceptedWithWarnings],
            Enum.GetValues<DeclarationStatus>().Where(DeclarationResult.AppliesChange));
}
