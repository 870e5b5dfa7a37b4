using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Rules;

namespace Dimona.Grpc.Tests.Domain;

public class ActivityRiskTests
{
    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    [InlineData("005")]
    [InlineData("006")]
    public void NatureOf_WorkerCode_IsWorker(string code) =>
        Assert.Equal(EmploymentNature.Worker, ActivityRisk.NatureOf(code));

    [Theory]
    [InlineData("401")]
    [InlineData("408")]
    [InlineData("412")]
    public void NatureOf_EmployeeCode_IsEmployee(string code) =>
        Assert.Equal(EmploymentNature.Employee, ActivityRisk.NatureOf(code));

    [Theory]
    [InlineData("000")]
    [InlineData("007")]
    [InlineData("400")]
    [InlineData("413")]
    [InlineData("1")]
    [InlineData("0401")]
    [InlineData("+401")]
    [InlineData("")]
    public void NatureOf_OtherValue_IsNull(string code) =>
        Assert.Null(ActivityRisk.NatureOf(code));
}
