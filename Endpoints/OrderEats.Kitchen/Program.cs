using OrderEats.Engine.Hosting;
using OrderEats.Kitchen;
using OrderEats.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, "kitchen");
builder.Services.AddKitchenService(builder.Configuration, infrastructure);
var app = builder.Build();
app.UseKitchenEdge();
var endpoint = app.Services.GetRequiredKeyedService<StartedEndpoint>(KitchenService.EndpointName);
app.MapGet("/health", () => endpoint.Instance is not null
    ? Results.Ok(new { status = "ok" })
    : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous();
app.MapKitchenApi();
app.Run();
