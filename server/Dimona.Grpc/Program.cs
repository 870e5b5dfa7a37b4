using Dimona.Grpc;

var builder = WebApplication.CreateBuilder(args);
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
