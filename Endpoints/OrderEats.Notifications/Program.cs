using OrderEats.Engine.Hosting;
using OrderEats.Notifications;
using OrderEats.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, "notifications");
builder.Services.AddNotificationsService(builder.Configuration, infrastructure);
var app = builder.Build();
var endpoint = app.Services.GetRequiredKeyedService<StartedEndpoint>(NotificationsService.EndpointName);
app.MapGet("/health", () => endpoint.Instance is not null
    ? Results.Ok(new { status = "ok" })
    : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous();
app.Run();
