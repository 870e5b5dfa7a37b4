using System.Globalization;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Dimona.Grpc.Domain.Rules;
using Google.Protobuf;
using V1 = Dimona.V1;

namespace Dimona.Grpc.Services;

/// <summary>
/// Turns contract messages into well-formed domain values, or one INVALID_REQUEST failure naming every bad
/// field (missing required fields, bad check digits, unparsable dates and hours, unknown enum
/// values, strings over their length; in every text field, control and bidirectional formatting characters, see
/// <see cref="CleanText"/>; paging). Business rules are not checked here.
/// </summary>
internal static class RequestCheck
{
    private static EmployerId Employer(V1.EmployerId? employer, string field, Violations v)
    {
        switch (employer?.NumberCase ?? V1.EmployerId.NumberOneofCase.None)
        {
            case V1.EmployerId.NumberOneofCase.EnterpriseNumber:
                return EnterpriseNumber.TryParse(employer!.EnterpriseNumber, out var e, out var error)
                    ? new EmployerId.Enterprise(e)
                    : Bad<EmployerId>(v, $"{field}.enterprise_number", $"Enterprise number {error} (00014-003).");
            case V1.EmployerId.NumberOneofCase.OnssNumber:
                return OnssNumber.TryParseDefinitive(employer!.OnssNumber, out var o, out error)
                    ? new EmployerId.Onss(o)
                    : Bad<EmployerId>(v, $"{field}.onss_number", $"ONSS number {error} (00011-003).");
            case V1.EmployerId.NumberOneofCase.ProvisionalOnssNumber:
                return OnssNumber.TryParseProvisional(employer!.ProvisionalOnssNumber, out var p, out error)
                    ? new EmployerId.Onss(p)
                    : Bad<EmployerId>(v, $"{field}.provisional_onss_number", $"Provisional ONSS number {error} (00948-003).");
            default:
                return Bad<EmployerId>(v, field, "An enterprise number, ONSS number or provisional ONSS number is required (90256-364).");
        }
    }

    /// <summary>The page size when a list request gives none.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page; a list request asking for more gets this many.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The employer <paramref name="employer"/> names; null when it names none or a malformed number.</summary>
    public static EmployerId? EmployerOrNull(V1.EmployerId? employer)
    {
        var v = new Violations();
        var id = Employer(employer, "employer", v);
        return v.HasAny ? null : id;
    }

    public static Outcome<EmployerId> Identify(V1.IdentifyEmployerRequest request)
    {
        var v = TextViolations(request);
        var id = Employer(request.Employer, "employer", v);
        return v.ToFailure() is { } failure ? failure : id;
    }

    public static Outcome<DeclarationNumber> DeclarationNumber(V1.GetDeclarationRequest request)
    {
        var v = TextViolations(request);
        var number = Number(request.DeclarationNumber, "declaration_number", v);
        return v.ToFailure() is { } failure ? failure : number;
    }

    /// <summary>A registration: the employer to add (no ONSS number yet) and whether it comes through the secured channel.</summary>
    public static Outcome<Registration> Register(V1.RegisterEmployerRequest request)
    {
        var v = TextViolations(request);
        var name = Text(request.Name, "name", 96, v);
        var number = EnterpriseNumber.TryParse(request.EnterpriseNumber, out var e, out var error)
            ? e
            : Bad<EnterpriseNumber>(v, "enterprise_number", $"Enterprise number {error} (00014-003).");
        var address = Address(request.Address, "address", v);
        if (request.EmployerCategory.Length > 0 && !(request.EmployerCategory.Length == 3 && request.EmployerCategory.All(char.IsAsciiDigit)))
        {
            v.Add("employer_category", "The employer category is 3 digits, for example 000.");
        }
        if (request.NaceCodes.Count is 0 or > MaxNaceCodes)
        {
            v.Add("nace_codes", $"Between 1 and {MaxNaceCodes} NACE-BEL activity codes are required, the main activity first.");
        }
        for (var i = 0; i < request.NaceCodes.Count; i++)
        {
            if (!(request.NaceCodes[i].Length == 5 && request.NaceCodes[i].All(char.IsAsciiDigit)))
            {
                v.Add($"nace_codes[{i}]", "A NACE-BEL activity code is 5 digits, for example 56101.");
            }
        }
        if (request.Channel is not (V1.RegistrationChannel.Secured or V1.RegistrationChannel.Unsecured))
        {
            v.Add("channel", "The channel is required: REGISTRATION_CHANNEL_SECURED or REGISTRATION_CHANNEL_UNSECURED.");
        }
        return v.ToFailure() is { } failure
            ? failure
            : new Registration(
                new Employer(0, name, number, null, null, Active: true, address!, request.EmployerCategory, [.. request.NaceCodes]),
                request.Channel == V1.RegistrationChannel.Secured);
    }

    public static Outcome<OnssNumber> Confirm(V1.ConfirmEmployerRegistrationRequest request)
    {
        var v = TextViolations(request);
        var number = OnssNumber.TryParseProvisional(request.ProvisionalOnssNumber, out var p, out var error)
            ? p
            : Bad<OnssNumber>(v, "provisional_onss_number", $"Provisional ONSS number {error} (00948-003).");
        return v.ToFailure() is { } failure ? failure : number;
    }

    /// <summary>A resolution: the pending declaration and the NISS found for its worker.</summary>
    public static Outcome<Resolution> Resolve(V1.ResolvePendingDeclarationRequest request)
    {
        var v = TextViolations(request);
        var number = Number(request.DeclarationNumber, "declaration_number", v);
        var niss = NissOf(request.Niss, "niss", v);
        return v.ToFailure() is { } failure ? failure : new Resolution(number, niss);
    }

    /// <summary>How many activity codes a registration may give.</summary>
    public const int MaxNaceCodes = 10;

    public sealed record Registration(Employer Employer, bool Secured);

    public sealed record Resolution(DeclarationNumber Number, Niss Niss);

    public static Outcome<PeriodId> Period(V1.GetPeriodRequest request)
    {
        var v = TextViolations(request);
        var id = PeriodIdOf(request.PeriodId, "period_id", v);
        return v.ToFailure() is { } failure ? failure : id;
    }

    public static Outcome<DeclarationListing> ListDeclarations(V1.ListDeclarationsRequest request)
    {
        var v = TextViolations(request);
        var employer = Employer(request.Employer, "employer", v);
        var filter = new DeclarationFilter(
            OptionalNiss(request.WorkerNiss, "worker_niss", v),
            request.WorkerType == V1.WorkerType.Unspecified ? null : Defined(request.WorkerType, "worker_type", v) is { } type ? WorkerTypeOf(type) : null,
            Defined(request.Status, "status", v) switch
            {
                V1.DeclarationStatus.Accepted => DeclarationStatus.Accepted,
                V1.DeclarationStatus.AcceptedWithWarnings => DeclarationStatus.AcceptedWithWarnings,
                V1.DeclarationStatus.Refused => DeclarationStatus.Refused,
                V1.DeclarationStatus.Pending => DeclarationStatus.Pending,
                _ => null,
            },
            Defined(request.Kind, "kind", v) switch
            {
                V1.DeclarationKind.In => DeclarationKind.In,
                V1.DeclarationKind.Out => DeclarationKind.Out,
                V1.DeclarationKind.Update => DeclarationKind.Update,
                V1.DeclarationKind.Cancel => DeclarationKind.Cancel,
                _ => null,
            },
            OptionalDate(request.FromDate, "from_date", v),
            OptionalDate(request.ToDate, "to_date", v));
        var page = Page(request.PageSize, request.PageToken, token => PageToken.DeclarationAfter(request, token), v);
        return v.ToFailure() is { } failure ? failure : new DeclarationListing(employer, filter, page);
    }

    public static Outcome<PeriodListing> ListPeriods(V1.ListPeriodsRequest request)
    {
        var v = TextViolations(request);
        var employer = Employer(request.Employer, "employer", v);
        var filter = new PeriodFilter(
            OptionalNiss(request.WorkerNiss, "worker_niss", v),
            OptionalDate(request.FromDate, "from_date", v),
            OptionalDate(request.ToDate, "to_date", v));
        var page = Page(request.PageSize, request.PageToken, token => PageToken.PeriodAfter(request, token), v);
        return v.ToFailure() is { } failure ? failure : new PeriodListing(employer, filter, page);
    }

    public static Outcome<PageRequest<DeclarationKey>> ListPendingDeclarations(V1.ListPendingDeclarationsRequest request)
    {
        var v = TextViolations(request);
        var page = Page(request.PageSize, request.PageToken, token => PageToken.DeclarationAfter(request, token), v);
        return v.ToFailure() is { } failure ? failure : page;
    }

    /// <summary>Where every request check starts: the violations of its text fields (<see cref="CleanText"/>), to which the others are added.</summary>
    private static Violations TextViolations(IMessage request)
    {
        var v = new Violations();
        CleanText.Check(request, v);
        return v;
    }

    /// <summary>AIP-158 paging: 0 is the default size, a size over the maximum is the maximum, a token must be one this service issued for the same filters.</summary>
    private static PageRequest<TKey> Page<TKey>(int size, string token, Func<string, TKey?> after, Violations v)
        where TKey : class
    {
        if (size < 0)
        {
            v.Add("page_size", "The page size may not be negative; 0 means the default.");
        }
        var key = token.Length == 0 ? null : after(token);
        if (token.Length > 0 && key is null)
        {
            v.Add("page_token", "Not a page token this service issued for a request with the same filters: list again from the first page.");
        }
        return new PageRequest<TKey>(size <= 0 ? DefaultPageSize : Math.Min(size, MaxPageSize), key);
    }

    private static Niss? OptionalNiss(string text, string field, Violations v) =>
        text.Length == 0 ? null : Niss.TryParse(text, out var niss, out var error) ? niss : Bad<Niss>(v, field, $"NISS {error}.");

    private static DateOnly? OptionalDate(string text, string field, Violations v) =>
        text.Length == 0 ? null : RequiredDate(text, field, v);

    private static Niss NissOf(string text, string field, Violations v) =>
        Niss.TryParse(text, out var niss, out var error) ? niss : Bad<Niss>(v, field, $"NISS {error} (00024-003).");

    private static DeclarationNumber Number(string text, string field, Violations v) =>
        Domain.Identifiers.DeclarationNumber.TryParse(text, out var n, out var error) ? n : Bad<DeclarationNumber>(v, field, $"Declaration number {error}.");

    private static PeriodId PeriodIdOf(string text, string field, Violations v) =>
        PeriodId.TryParse(text, out var id, out var error) ? id : Bad<PeriodId>(v, field, $"Period id {error} (00913-003).");

    /// <param name="request">The request as received.</param>
    /// <param name="today">The Belgian civil date, for birth dates that may not lie in the future.</param>
    public static Outcome<DeclarationRequest> Submit(V1.SubmitDeclarationRequest request, DateOnly today)
    {
        var v = TextViolations(request);
        var requestId = RequestId(request.RequestId, v);
        var employer = Employer(request.Employer, "employer", v);
        if (request.Reference.Length > 20)
        {
            v.Add("reference", "The reference is at most 20 characters.");
        }
        var isIn = request.ContentCase == V1.SubmitDeclarationRequest.ContentOneofCase.DimonaIn;
        var worker = isIn || request.Worker is not null ? Worker(request.Worker, today, v) : null;
        DeclarationContent? content = request.ContentCase switch
        {
            V1.SubmitDeclarationRequest.ContentOneofCase.DimonaIn => In(request.DimonaIn, v),
            V1.SubmitDeclarationRequest.ContentOneofCase.DimonaOut => Out(request.DimonaOut, v),
            V1.SubmitDeclarationRequest.ContentOneofCase.DimonaUpdate => Update(request.DimonaUpdate, v),
            V1.SubmitDeclarationRequest.ContentOneofCase.DimonaCancel => new DimonaCancel(PeriodIdOf(request.DimonaCancel.PeriodId, "dimona_cancel.period_id", v)),
            _ => Bad<DeclarationContent>(v, "content", "A declaration is required: set dimona_in, dimona_out, dimona_update or dimona_cancel."),
        };
        return v.ToFailure() is { } failure
            ? failure
            : new DeclarationRequest(requestId, employer, worker, request.Reference, content!, request.ValidateOnly);
    }

    private static DimonaOut Out(V1.DimonaOut d, Violations v) => new(
        PeriodIdOf(d.PeriodId, "dimona_out.period_id", v),
        RequiredDate(d.EndDate, "dimona_out.end_date", v),
        Hour(d.EndHour, "dimona_out.end_hour", v));

    private static DimonaUpdate Update(V1.DimonaUpdate d, Violations v)
    {
        const string f = "dimona_update";
        if (d.HasPlannedHours && d.PlannedHours is < 1 or > 999)
        {
            v.Add($"{f}.planned_hours", "Planned hours must be between 1 and 999 (01135-003).");
        }
        return new DimonaUpdate(
            PeriodIdOf(d.PeriodId, $"{f}.period_id", v),
            d.StartDate.Length == 0 ? null : RequiredDate(d.StartDate, $"{f}.start_date", v),
            d.EndDate.Length == 0 ? null : RequiredDate(d.EndDate, $"{f}.end_date", v),
            Hour(d.StartHour, $"{f}.start_hour", v),
            Hour(d.EndHour, $"{f}.end_hour", v),
            d.HasPlannedHours ? d.PlannedHours : null);
    }

    private static Guid RequestId(string text, Violations v)
    {
        if (text.Length == 0)
        {
            v.Add("request_id", "A request id (UUID) is required.");
            return Guid.Empty;
        }
        if (!Guid.TryParseExact(text, "D", out var id) || id == Guid.Empty)
        {
            v.Add("request_id", "The request id must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.");
        }
        return id;
    }

    private static Worker? Worker(V1.Worker? worker, DateOnly today, Violations v)
    {
        switch (worker?.IdentityCase ?? V1.Worker.IdentityOneofCase.None)
        {
            case V1.Worker.IdentityOneofCase.Niss:
                return NissOf(worker!.Niss, "worker.niss", v) is { } niss ? new Worker.Identified(niss) : null;
            case V1.Worker.IdentityOneofCase.Identification:
                return Identification(worker!.Identification, today, v) is { } id ? new Worker.Unidentified(id) : null;
            default:
                return Bad<Worker>(v, "worker", "The worker's NISS or identification data are required (90017-363).");
        }
    }

    private static WorkerIdentification? Identification(V1.WorkerIdentification w, DateOnly today, Violations v)
    {
        const string f = "worker.identification";
        var familyName = Text(w.FamilyName, $"{f}.family_name", 48, v);
        var givenName = Text(w.GivenName, $"{f}.given_name", 24, v);
        var birthDate = RequiredDate(w.BirthDate, $"{f}.birth_date", v);
        if (birthDate != default && (birthDate < EarliestBirthDate || birthDate > today))
        {
            v.Add($"{f}.birth_date", $"The birth date must lie between {EarliestBirthDate:yyyy-MM-dd} and today (00028-003).");
        }
        var birthPlace = Text(w.BirthPlace, $"{f}.birth_place", 35, v);
        var birthCountry = Country(w.BirthCountry, $"{f}.birth_country", v);
        var nationality = Country(w.Nationality, $"{f}.nationality", v);
        var sex = w.Sex switch
        {
            V1.Sex.Male => Sex.Male,
            V1.Sex.Female => Sex.Female,
            _ => Bad<Sex>(v, $"{f}.sex", "The sex is required: SEX_MALE or SEX_FEMALE."),
        };
        var address = Address(w.Address, $"{f}.address", v);
        return v.HasAny ? null : new WorkerIdentification(familyName, givenName, birthDate, birthPlace, birthCountry, sex, nationality, address!);
    }

    private static Address? Address(V1.Address? a, string field, Violations v)
    {
        if (a is null)
        {
            return Bad<Address>(v, field, "The address is required.");
        }
        return new Address(
            Text(a.Street, $"{field}.street", 35, v),
            Text(a.HouseNumber, $"{field}.house_number", 10, v),
            Text(a.Box, $"{field}.box", 4, v, required: false),
            PostCode(a.PostCode, a.Country, $"{field}.post_code", v),
            Text(a.Municipality, $"{field}.municipality", 35, v),
            Country(a.Country, $"{field}.country", v));
    }

    private static DimonaIn? In(V1.DimonaIn d, Violations v)
    {
        const string f = "dimona_in";
        var start = RequiredDate(d.StartDate, $"{f}.start_date", v);
        var end = d.EndDate.Length == 0 ? (DateOnly?)null : RequiredDate(d.EndDate, $"{f}.end_date", v);
        var startHour = Hour(d.StartHour, $"{f}.start_hour", v);
        var endHour = Hour(d.EndHour, $"{f}.end_hour", v);
        if (d.JointCommittee.Length > 3)
        {
            v.Add($"{f}.joint_committee", "The joint committee is at most 3 characters: 124, 140, 144, 145, 149, 302, 320, 322 or XXX (00046-003).");
        }
        var workerType = Defined(d.WorkerType, $"{f}.worker_type", v, "00655-003") is { } wt ? WorkerTypeOf(wt) : default;
        var smallStatutes = d.SmallStatutes is null ? null : SmallStatutes(d.SmallStatutes, $"{f}.small_statutes", v);
        var placeOfWork = d.StudentPlaceOfWork is null ? null : new PlaceOfWork(
            Text(d.StudentPlaceOfWork.Name, $"{f}.student_place_of_work.name", 96, v),
            Address(d.StudentPlaceOfWork.Address, $"{f}.student_place_of_work.address", v)!);
        var userCompany = d.UserCompany is null ? null : UserCompany(d.UserCompany, $"{f}.user_company", v);
        var firstCard = ControlCard(d.FirstMonthC32ANumber, $"{f}.first_month_c32a_number", v);
        var nextCard = ControlCard(d.NextMonthC32ANumber, $"{f}.next_month_c32a_number", v);
        return v.HasAny
            ? null
            : new DimonaIn(start, end, startHour, endHour, d.JointCommittee, workerType, d.HasPlannedHours ? d.PlannedHours : null, smallStatutes,
                placeOfWork, userCompany, firstCard, nextCard);
    }

    private static UserCompany UserCompany(V1.UserCompany u, string field, Violations v)
    {
        EnterpriseNumber? number = null;
        if (u.EnterpriseNumber.Length > 0 && !EnterpriseNumber.TryParse(u.EnterpriseNumber, out number, out var error))
        {
            v.Add($"{field}.enterprise_number", $"Enterprise number {error} (00014-003).");
        }
        var name = u.Name.Length == 0 ? null : Text(u.Name, $"{field}.name", 96, v);
        var address = u.Address is null ? null : Address(u.Address, $"{field}.address", v);
        if (name is not null && address is null)
        {
            v.Add($"{field}.address", "The user company's address is required with its name.");
        }
        return new UserCompany(number, name, address);
    }

    private static string? ControlCard(string text, string field, Violations v)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (!(text.Length == 12 && text.All(char.IsAsciiDigit)))
        {
            v.Add(field, "A C3.2A control card number is 12 digits.");
        }
        return text;
    }

    private static SmallStatutes SmallStatutes(V1.SmallStatutes s, string field, Violations v)
    {
        EmploymentNature? nature = Defined(s.EmploymentNature, $"{field}.employment_nature", v, "01231-003") switch
        {
            V1.EmploymentNature.Employee => EmploymentNature.Employee,
            V1.EmploymentNature.Worker => EmploymentNature.Worker,
            _ => null,
        };
        InternType? internType = Defined(s.InternType, $"{field}.intern_type", v, "00053-003") switch
        {
            V1.InternType.F1 => InternType.F1,
            V1.InternType.F2 => InternType.F2,
            _ => null,
        };
        string? risk = s.ActivityWithRisk.Length == 0 ? null : s.ActivityWithRisk;
        if (risk is not null && ActivityRisk.NatureOf(risk) is null)
        {
            v.Add($"{field}.activity_with_risk", "The activity with risk is 001 to 006 (WORKER) or 401 to 412 (EMPLOYEE).");
        }
        return new SmallStatutes(nature, risk, internType);
    }

    /// <summary>Maps a contract worker type to the domain; unspecified is OTH, the official default.</summary>
    public static WorkerType WorkerTypeOf(V1.WorkerType type) =>
        type == V1.WorkerType.Unspecified ? WorkerType.OTH : Enum.Parse<WorkerType>(type.ToString(), ignoreCase: true);

    /// <param name="code">The official anomaly code for an invalid value, quoted in the message.</param>
    private static TEnum? Defined<TEnum>(TEnum value, string field, Violations v, string? code = null) where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return value;
        }
        v.Add(field, $"{Convert.ToInt32(value, CultureInfo.InvariantCulture)} is not a known {typeof(TEnum).Name} value{(code is null ? "" : $" ({code})")}.");
        return null;
    }

    private static string Text(string text, string field, int maxLength, Violations v, bool required = true)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, "Required.");
        }
        else if (text.Length > maxLength)
        {
            v.Add(field, $"At most {maxLength} characters.");
        }
        return text;
    }

    private static string PostCode(string text, string country, string field, Violations v)
    {
        Text(text, field, 10, v);
        if (country == "BE" && text.Length > 0 && !(text.Length == 4 && text.All(char.IsAsciiDigit) && text[0] != '0'))
        {
            v.Add(field, "A Belgian post code is 4 digits, 1000 to 9999.");
        }
        return text;
    }

    private static string Country(string text, string field, Violations v)
    {
        if (text.Length != 2 || !text.All(char.IsAsciiLetterUpper) || !IsIsoCountry(text))
        {
            v.Add(field, "Must be an ISO 3166-1 alpha-2 country code in capitals, for example BE.");
        }
        return text;
    }

    private static DateOnly RequiredDate(string text, string field, Violations v)
    {
        if (text.Length == 0)
        {
            return Bad<DateOnly>(v, field, "A date YYYY-MM-DD is required.");
        }
        return IsoText.TryDate(text, out var date)
            ? date
            : Bad<DateOnly>(v, field, "Not a date YYYY-MM-DD.");
    }

    private static TimeOnly? Hour(string text, string field, Violations v)
    {
        if (text.Length == 0)
        {
            return null;
        }
        return IsoText.TryHour(text, out var hour)
            ? hour
            : Bad<TimeOnly?>(v, field, "Not an hour HHMM between 0000 and 2359.");
    }

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>ISO 3166-1 alpha-2 codes as the ICU region data knows them (BE, NL, XK…).</summary>
    private static bool IsIsoCountry(string code)
    {
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static T Bad<T>(Violations v, string field, string description)
    {
        v.Add(field, description);
        return default!;
    }
}
