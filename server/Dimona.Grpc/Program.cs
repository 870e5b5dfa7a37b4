using Dimona.Grpc;

// Settings and relative paths are read beside the program, whatever folder it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDimona();

await using var app = builder.Build();
if (!await app.PrepareDimonaDatabaseAsync())
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
