using Dimona.Client;
using Dimona.Client.Sample;
using Dimona.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

var given = Environment.GetEnvironmentVariable(DimonaAddress.EnvironmentVariable) is { Length: > 0 } value ? value : DimonaAddress.Default;
if (DimonaAddress.TryParse(given) is not { } address)
{
    Console.Error.WriteLine($"{DimonaAddress.EnvironmentVariable} is not an http:// or https:// address of the service: {given}");
    return 2;
}
var services = new ServiceCollection();
services.AddDimonaClient(options =>
{
    options.Address = address;
    options.Token = Environment.GetEnvironmentVariable(DimonaClientOptions.TokenEnvironmentVariable);
});
using var provider = services.BuildServiceProvider();
var dimona = provider.GetRequiredService<DimonaService.DimonaServiceClient>();

Console.WriteLine($"Dimona service at {given}");
try
{
    Console.WriteLine($"1. identify {Scenario.ActiveEmployer}");
    var employer = await Scenario.IdentifyAsync(dimona);
    Console.WriteLine($"   {employer.Name}, ONSS number {employer.OnssNumber}");

    Console.WriteLine($"2. Dimona IN of a new worker at {Scenario.ActiveEmployer}");
    Print(await Scenario.SubmitAcceptedAsync(dimona), "   ");

    Console.WriteLine($"3. Dimona IN at {Scenario.InactiveEmployer} (inactive)");
    Print(await Scenario.SubmitRefusedAsync(dimona), "   ");

    Console.WriteLine($"4. Dimona IN with NISS {Scenario.BadNiss} (bad check digits)");
    Print(await Scenario.SubmitInvalidAsync(dimona), "   ");

    Console.WriteLine("5. batch, two declarations a message: new worker, inactive employer, bad NISS");
    foreach (var answer in await Scenario.SubmitBatchAsync(dimona))
    {
        Console.WriteLine($"   item {answer.Index + 1}:");
        if (answer.Declaration is { } declaration)
        {
            Print(declaration, "     ");
        }
        else
        {
            Print(answer.Error!, "     ");
        }
    }

    return 0;
}
catch (RpcException failure) when (failure.StatusCode == StatusCode.Unavailable)
{
    Console.Error.WriteLine($"Cannot reach the Dimona service at {given}: start it, or set DIMONA_ADDRESS.");
    return 1;
}

static void Print(object answer, string indent)
{
    var lines = answer switch
    {
        Declaration { PeriodId.Length: > 0 } declaration =>
            [$"{declaration.Status}: declaration {declaration.DeclarationNumber}, period {declaration.PeriodId}", .. Indented(declaration.AnomalyLines())],
        Declaration declaration => [$"{declaration.Status}: declaration {declaration.DeclarationNumber}", .. Indented(declaration.AnomalyLines())],
        DimonaError error => error.Lines(),
        _ => [answer.ToString() ?? ""],
    };
    foreach (var line in lines)
    {
        Console.WriteLine(indent + line);
    }
}

static IEnumerable<string> Indented(IEnumerable<string> lines) => lines.Select(line => "  " + line);
