using Dimona.Console.Requests;
using Dimona.V1;

namespace Dimona.Console.Tests;

public class SubmitRequestBuilderTests
{
    private static readonly SubmitInput Minimal = new()
    {
        Employer = new EmployerInput(EnterpriseNumber: "0403019261"),
        Worker = new WorkerInput { Niss = "93051822361" },
        StartDate = "2027-02-01",
    };

    [Theory]
    [InlineData("STG", WorkerType.Stg)]
    [InlineData("stg", WorkerType.Stg)]
    [InlineData("Ivt", WorkerType.Ivt)]
    [InlineData("TRI", WorkerType.Tri)]
    [InlineData("oth", WorkerType.Oth)]
    [InlineData("STU", WorkerType.Stu)]
    [InlineData("o17", WorkerType.O17)]
    [InlineData("WORKER_TYPE_FLX", WorkerType.Flx)]
    public void Build_WorkerTypeCode_MapsToWorkerTypeIgnoringCase(string code, WorkerType expected)
    {
        var request = SubmitRequestBuilder.Build(Minimal with { WorkerType = code });

        Assert.Equal(expected, request.DimonaIn.WorkerType);
    }

    [Fact]
    public void Build_UnknownWorkerType_ThrowsUsageListingValidCodes()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { WorkerType = "XYZ" }));

        Assert.Contains("--worker-type", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'XYZ'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("OTH, STU, FLX, EXT, DWD, IVT, TRI, STG", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSPECIFIED", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoWorkerType_LeavesItUnspecified()
    {
        var request = SubmitRequestBuilder.Build(Minimal);

        Assert.Equal(WorkerType.Unspecified, request.DimonaIn.WorkerType);
    }

    [Fact]
    public void Build_AllOptions_FillsEveryField()
    {
        var input = Minimal with
        {
            RequestId = "0f8fad5b-d9cb-469f-a165-70867728950e",
            EndDate = "2027-02-28",
            StartHour = "0800",
            EndHour = "1700",
            JointCommittee = "302",
            WorkerType = "STU",
            PlannedHours = 40,
            Reference = "ref-1",
        };

        var request = SubmitRequestBuilder.Build(input);

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", request.RequestId);
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("93051822361", request.Worker.Niss);
        Assert.Equal("ref-1", request.Reference);
        Assert.Equal(SubmitDeclarationRequest.ContentOneofCase.DimonaIn, request.ContentCase);
        Assert.Equal("2027-02-01", request.DimonaIn.StartDate);
        Assert.Equal("2027-02-28", request.DimonaIn.EndDate);
        Assert.Equal("0800", request.DimonaIn.StartHour);
        Assert.Equal("1700", request.DimonaIn.EndHour);
        Assert.Equal("302", request.DimonaIn.JointCommittee);
        Assert.Equal(WorkerType.Stu, request.DimonaIn.WorkerType);
        Assert.True(request.DimonaIn.HasPlannedHours);
        Assert.Equal(40, request.DimonaIn.PlannedHours);
        Assert.Null(request.DimonaIn.SmallStatutes);
    }

    [Fact]
    public void Build_NoJointCommitteeNorPlannedHours_UsesXxxAndLeavesHoursAbsent()
    {
        var request = SubmitRequestBuilder.Build(Minimal);

        Assert.Equal("XXX", request.DimonaIn.JointCommittee);
        Assert.False(request.DimonaIn.HasPlannedHours);
        Assert.Equal(string.Empty, request.DimonaIn.EndDate);
        Assert.Equal(string.Empty, request.Reference);
    }

    [Fact]
    public void Build_NoRequestId_GeneratesANewUuidEachTime()
    {
        var first = SubmitRequestBuilder.Build(Minimal);
        var second = SubmitRequestBuilder.Build(Minimal);

        Assert.True(Guid.TryParse(first.RequestId, out _));
        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    [Fact]
    public void Build_NoSmallStatutesOption_CreatesNoBlock()
    {
        var request = SubmitRequestBuilder.Build(Minimal with { WorkerType = "STG" });

        Assert.Null(request.DimonaIn.SmallStatutes);
    }

    [Fact]
    public void Build_AllSmallStatutesOptions_CreatesTheBlock()
    {
        var input = Minimal with { WorkerType = "STG", EmploymentNature = "employee", ActivityRisk = "401", InternType = "f1" };

        var request = SubmitRequestBuilder.Build(input);

        Assert.NotNull(request.DimonaIn.SmallStatutes);
        Assert.Equal(EmploymentNature.Employee, request.DimonaIn.SmallStatutes.EmploymentNature);
        Assert.Equal("401", request.DimonaIn.SmallStatutes.ActivityWithRisk);
        Assert.Equal(InternType.F1, request.DimonaIn.SmallStatutes.InternType);
    }

    [Theory]
    [InlineData("worker", null, null)]
    [InlineData(null, "002", null)]
    [InlineData(null, null, "F2")]
    public void Build_AnyOneSmallStatutesOption_CreatesTheBlockWithTheRestUnset(string? nature, string? risk, string? internType)
    {
        var input = Minimal with { EmploymentNature = nature, ActivityRisk = risk, InternType = internType };

        var smallStatutes = SubmitRequestBuilder.Build(input).DimonaIn.SmallStatutes;

        Assert.NotNull(smallStatutes);
        Assert.Equal(nature is null ? EmploymentNature.Unspecified : EmploymentNature.Worker, smallStatutes.EmploymentNature);
        Assert.Equal(risk ?? string.Empty, smallStatutes.ActivityWithRisk);
        Assert.Equal(internType is null ? InternType.Unspecified : InternType.F2, smallStatutes.InternType);
    }

    [Theory]
    [InlineData("manager", null, "--employment-nature", "EMPLOYEE, WORKER")]
    [InlineData(null, "F3", "--intern-type", "F1, F2")]
    public void Build_UnknownSmallStatutesCode_ThrowsUsageNamingTheOption(string? nature, string? internType, string option, string validCodes)
    {
        var input = Minimal with { EmploymentNature = nature, InternType = internType };

        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(input));

        Assert.StartsWith(option, exception.Message, StringComparison.Ordinal);
        Assert.EndsWith(validCodes, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoStartDate_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { StartDate = null }));

        Assert.Contains("--start-date", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEmployer_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { Employer = new EmployerInput() }));

        Assert.Contains("employer is required", exception.Message, StringComparison.Ordinal);
    }

    private static readonly SubmitInput Change = new()
    {
        Employer = new EmployerInput(EnterpriseNumber: "0403019261"),
        PeriodId = "857416368505",
    };

    [Fact]
    public void Build_KindOut_SendsTheDimonaOutOfThePeriodWithItsEndDateAndHour()
    {
        var request = SubmitRequestBuilder.Build(Change with { Kind = "OUT", EndDate = "2030-06-30", EndHour = "1700", Reference = "leaves" });

        Assert.Equal(SubmitDeclarationRequest.ContentOneofCase.DimonaOut, request.ContentCase);
        Assert.Equal("857416368505", request.DimonaOut.PeriodId);
        Assert.Equal("2030-06-30", request.DimonaOut.EndDate);
        Assert.Equal("1700", request.DimonaOut.EndHour);
        Assert.Equal("0403019261", request.Employer.EnterpriseNumber);
        Assert.Equal("leaves", request.Reference);
        Assert.Null(request.Worker);
        Assert.True(Guid.TryParse(request.RequestId, out _));
    }

    [Fact]
    public void Build_KindOutWithoutEndDate_ThrowsUsage()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Change with { Kind = "OUT" }));

        Assert.Equal("--end-date is required for a Dimona OUT (YYYY-MM-DD)", exception.Message);
    }

    [Fact]
    public void Build_KindUpdate_SendsOnlyTheChangesGiven()
    {
        var request = SubmitRequestBuilder.Build(Change with { Kind = "update", EndDate = "2030-04-30", StartHour = "0900" });

        Assert.Equal(SubmitDeclarationRequest.ContentOneofCase.DimonaUpdate, request.ContentCase);
        Assert.Equal("857416368505", request.DimonaUpdate.PeriodId);
        Assert.Equal("", request.DimonaUpdate.StartDate);
        Assert.Equal("2030-04-30", request.DimonaUpdate.EndDate);
        Assert.Equal("0900", request.DimonaUpdate.StartHour);
        Assert.Equal("", request.DimonaUpdate.EndHour);
        Assert.False(request.DimonaUpdate.HasPlannedHours);
    }

    [Fact]
    public void Build_KindUpdateReOpeningWithPlannedHours_SendsTheReOpeningEndDateAndTheHours()
    {
        var request = SubmitRequestBuilder.Build(Change with { Kind = "UPDATE", EndDate = "9999-12-31", PlannedHours = 24 });

        Assert.Equal("9999-12-31", request.DimonaUpdate.EndDate);
        Assert.True(request.DimonaUpdate.HasPlannedHours);
        Assert.Equal(24, request.DimonaUpdate.PlannedHours);
    }

    [Fact]
    public void Build_KindCancel_SendsThePeriodOnly()
    {
        var request = SubmitRequestBuilder.Build(Change with { Kind = "DECLARATION_KIND_CANCEL" });

        Assert.Equal(SubmitDeclarationRequest.ContentOneofCase.DimonaCancel, request.ContentCase);
        Assert.Equal("857416368505", request.DimonaCancel.PeriodId);
    }

    [Theory]
    [InlineData("OUT")]
    [InlineData("UPDATE")]
    [InlineData("CANCEL")]
    public void Build_ChangeWithNiss_SendsItToCheckThePeriodsWorker(string kind)
    {
        var input = Change with { Kind = kind, EndDate = kind == "CANCEL" ? null : "2030-06-30", Worker = new WorkerInput { Niss = "93051822361" } };

        var request = SubmitRequestBuilder.Build(input);

        Assert.Equal("93051822361", request.Worker.Niss);
    }

    [Theory]
    [InlineData("OUT")]
    [InlineData("UPDATE")]
    [InlineData("CANCEL")]
    public void Build_ChangeWithoutPeriodId_ThrowsUsage(string kind)
    {
        var input = Change with { Kind = kind, PeriodId = " ", EndDate = kind == "CANCEL" ? null : "2030-06-30" };

        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(input));

        Assert.StartsWith($"a period id is required for a Dimona {kind}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OUT", "--worker-type is not used by a Dimona OUT")]
    [InlineData("CANCEL", "--end-date, --worker-type are not used by a Dimona CANCEL")]
    [InlineData("UPDATE", "--worker-type is not used by a Dimona UPDATE")]
    public void Build_OptionTheKindHasNoFieldFor_ThrowsUsageNamingIt(string kind, string message)
    {
        var input = Change with { Kind = kind, EndDate = "2030-06-30", WorkerType = "STU" };

        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(input));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Build_InWithPeriodId_ThrowsUsageExplainingWhatAPeriodIdIsFor()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Minimal with { PeriodId = "857416368505" }));

        Assert.StartsWith("--period-id is not used by a Dimona IN (", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OutWithWorkerIdentificationOrPlaceOfWork_ThrowsUsageNamingThoseOptions()
    {
        var input = Change with
        {
            Kind = "OUT",
            EndDate = "2030-06-30",
            Worker = new WorkerInput { FamilyName = "Peeters" },
            PlaceOfWork = new PlaceOfWorkInput { Address = new AddressInput { PostCode = "2000" } },
        };

        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(input));

        Assert.Equal("--family-name, --place-of-work-post-code are not used by a Dimona OUT", exception.Message);
    }

    [Fact]
    public void Build_UnknownKind_ThrowsUsageListingTheKinds()
    {
        var exception = Assert.Throws<UsageException>(() => SubmitRequestBuilder.Build(Change with { Kind = "CLOSE" }));

        Assert.Equal("--kind: unknown code 'CLOSE'; valid codes: IN, OUT, UPDATE, CANCEL", exception.Message);
    }

    [Fact]
    public void Build_KindIn_DeclaresWhatNoKindDeclares()
    {
        var request = SubmitRequestBuilder.Build(Minimal with { Kind = "in" });

        Assert.Equal(SubmitRequestBuilder.Build(Minimal).DimonaIn, request.DimonaIn);
        Assert.Equal("93051822361", request.Worker.Niss);
    }

    [Fact]
    public void Build_StudentPlaceOfWork_CreatesTheBlockWithItsAddress()
    {
        var input = Minimal with
        {
            WorkerType = "STU",
            PlaceOfWork = new PlaceOfWorkInput
            {
                Name = "Winkel Meir",
                Address = new AddressInput { Street = "Meir", HouseNumber = "1", PostCode = "2000", Municipality = "Antwerpen", Country = "BE" },
            },
        };

        var placeOfWork = SubmitRequestBuilder.Build(input).DimonaIn.StudentPlaceOfWork;

        Assert.Equal("Winkel Meir", placeOfWork.Name);
        Assert.Equal("Meir", placeOfWork.Address.Street);
        Assert.Equal("", placeOfWork.Address.Box);
        Assert.Equal("Antwerpen", placeOfWork.Address.Municipality);
    }

    [Fact]
    public void Build_PlaceOfWorkNameOnly_SendsItWithoutAddressForTheServiceToRefuse()
    {
        var input = Minimal with { PlaceOfWork = new PlaceOfWorkInput { Name = "Winkel Meir" } };

        var placeOfWork = SubmitRequestBuilder.Build(input).DimonaIn.StudentPlaceOfWork;

        Assert.Equal("Winkel Meir", placeOfWork.Name);
        Assert.Null(placeOfWork.Address);
    }

    [Fact]
    public void Build_UserCompanyEnterpriseNumber_CreatesTheBlockWithoutNameNorAddress()
    {
        var input = Minimal with { JointCommittee = "322", UserCompany = new UserCompanyInput { EnterpriseNumber = "0123456749" } };

        var userCompany = SubmitRequestBuilder.Build(input).DimonaIn.UserCompany;

        Assert.Equal("0123456749", userCompany.EnterpriseNumber);
        Assert.Equal("", userCompany.Name);
        Assert.Null(userCompany.Address);
    }

    [Fact]
    public void Build_UserCompanyNameAndAddress_CreatesTheBlockWithThem()
    {
        var input = Minimal with
        {
            UserCompany = new UserCompanyInput
            {
                Name = "Bouw NV",
                Address = new AddressInput { Street = "Kaai", HouseNumber = "7", PostCode = "9000", Municipality = "Gent", Country = "BE" },
            },
        };

        var userCompany = SubmitRequestBuilder.Build(input).DimonaIn.UserCompany;

        Assert.Equal("", userCompany.EnterpriseNumber);
        Assert.Equal("Bouw NV", userCompany.Name);
        Assert.Equal("Gent", userCompany.Address.Municipality);
    }

    [Fact]
    public void Build_NoPlaceOfWorkUserCompanyNorCards_SendsNoneOfThem()
    {
        var dimonaIn = SubmitRequestBuilder.Build(Minimal).DimonaIn;

        Assert.Null(dimonaIn.StudentPlaceOfWork);
        Assert.Null(dimonaIn.UserCompany);
        Assert.Equal("", dimonaIn.FirstMonthC32ANumber);
        Assert.Equal("", dimonaIn.NextMonthC32ANumber);
    }

    [Fact]
    public void Build_ControlCards_AreSent()
    {
        var input = Minimal with { JointCommittee = "124", FirstMonthC32ANumber = "123456789012", NextMonthC32ANumber = "123456789013" };

        var dimonaIn = SubmitRequestBuilder.Build(input).DimonaIn;

        Assert.Equal("123456789012", dimonaIn.FirstMonthC32ANumber);
        Assert.Equal("123456789013", dimonaIn.NextMonthC32ANumber);
    }
}
