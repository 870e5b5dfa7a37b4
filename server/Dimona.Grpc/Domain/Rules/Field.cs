namespace Dimona.Grpc.Domain.Rules;

/// <summary>Request field paths, as named in the contract, that anomalies point at.</summary>
public static class Field
{
    public const string Employer = "employer";
    public const string WorkerNiss = "worker.niss";
    public const string StartDate = "dimona_in.start_date";
    public const string EndDate = "dimona_in.end_date";
    public const string StartHour = "dimona_in.start_hour";
    public const string EndHour = "dimona_in.end_hour";
    public const string JointCommittee = "dimona_in.joint_committee";
    public const string WorkerType = "dimona_in.worker_type";
    public const string PlannedHours = "dimona_in.planned_hours";
    public const string EmploymentNature = "dimona_in.small_statutes.employment_nature";
    public const string ActivityWithRisk = "dimona_in.small_statutes.activity_with_risk";
    public const string InternType = "dimona_in.small_statutes.intern_type";
    public const string StudentPlaceOfWork = "dimona_in.student_place_of_work";
    public const string UserCompany = "dimona_in.user_company";
    public const string FirstMonthC32ANumber = "dimona_in.first_month_c32a_number";
    public const string DimonaIn = "dimona_in";
}
