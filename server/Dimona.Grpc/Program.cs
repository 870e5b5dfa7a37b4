using Dimona.Grpc;

// Settings and relative paths are read beside the program, whatever folder it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddDimona();

var app = builder.Build();
if (!await app.PrepareDimonaDatabaseAsync())
{
    return 1;
}
app.MapDimona();
await app.RunAsync();
return 0;

public partial class Program;
