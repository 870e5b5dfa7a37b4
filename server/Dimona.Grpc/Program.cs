using Dimona.Grpc;
using Dimona.Grpc.Security;

// "token ..." mints a development token and exits; its options are not settings.
var token = TokenCommand.Parse(args);
// Settings and relative paths are read beside the program, whatever folder it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = token is null ? args : [], ContentRootPath = AppContext.BaseDirectory });
if (DimonaStorage.SettingsProblem(builder.Configuration) is { } storageProblem)
{
    await Console.Error.WriteLineAsync($"dimona: cannot choose the database: {storageProblem}.");
    return 1;
}
builder.AddDimona();

await using var app = builder.Build();
if (token is not null)
{
    return token.Run(app.Services);
}
if (!await app.PrepareDimonaDatabaseAsync())
{
    return 1;
}
if (!app.CheckDimonaSecurity())
{
    return 1;
}
app.MapDimona();
if (!await app.StartDimonaAsync())
{
    return 1;
}
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
