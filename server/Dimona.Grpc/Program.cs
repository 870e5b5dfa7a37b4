using Dimona.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddDimona();

var app = builder.Build();
await app.MigrateDimonaDatabaseAsync();
app.MapDimona();
app.Run();

public partial class Program;
