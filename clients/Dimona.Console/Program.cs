using Dimona.Console;
using Dimona.Console.Connection;

var cli = new DimonaCli(GrpcConnection.Connect, Console.Out, Console.Error);
return await cli.RunAsync(args);
