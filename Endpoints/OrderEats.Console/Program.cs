using OrderEats.Console;
using OrderEats.Console.Security;
using OrderEats.ServiceDefaults;

if (args is ["hash-password", var password])
{
    System.Console.WriteLine(PasswordHash.Create(password));
    return;
}

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, builder.Configuration["Console:Database"] ?? "console");
ConsoleService.AddConsoleService(builder.Services, builder.Configuration, infrastructure);
var app = builder.Build();
ConsoleService.MapConsole(app);
await app.RunAsync();
