namespace Dimona.Grpc.Domain.Rules;

/// <summary>Activity-with-risk codes (zone 00041) and the employment nature each belongs to.</summary>
public static class ActivityRisk
{
    /// <summary>WORKER: 001–006; EMPLOYEE: 401–412; null for any other value.</summary>
    public static EmploymentNature? NatureOf(string code) => code switch
    {
        "001" or "002" or "003" or "004" or "005" or "006" => EmploymentNature.Worker,
        _ when code.Length == 3 && int.TryParse(code, out var n) && n is >= 401 and <= 412 => EmploymentNature.Employee,
        _ => null,
    };
}
