using OrderEats.Console;
using OrderEats.Console.Security;
using OrderEats.ServiceDefaults;

if (args.Length > 0 && args[0] == "hash-password")
{
    return HashPasswordCommand.Run(args, System.Console.In, System.Console.Out, System.Console.Error, System.Console.IsInputRedirected);
}

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, builder.Configuration["Console:Database"] ?? "console");
ConsoleService.AddConsoleService(builder.Services, builder.Configuration, infrastructure);
var app = builder.Build();
ConsoleService.MapConsole(app);
await app.RunAsync();
return 0;
