using OrderEats.Engine.Hosting;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, "payments");
builder.Services.AddPaymentsService(builder.Configuration, infrastructure);
var app = builder.Build();
var endpoint = app.Services.GetRequiredKeyedService<StartedEndpoint>(PaymentsService.EndpointName);
app.MapGet("/health", () => endpoint.Instance is not null
    ? Results.Ok(new { status = "ok" })
    : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable))
    .AllowAnonymous();
app.Run();
