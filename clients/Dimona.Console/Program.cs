using Dimona.Console;
using Dimona.Console.Connection;
using Dimona.Console.Output;

var cli = new DimonaCli(GrpcConnection.Connect, Console.Out, Console.Error, ProgressConsole.OnStandardError());
return await cli.RunAsync(args);
