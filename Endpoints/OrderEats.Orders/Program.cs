using OrderEats.Orders;
using OrderEats.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
builder.AddServiceDefaults(infrastructure, "orders");
builder.Services.AddOrdersService(builder.Configuration, infrastructure);
var app = builder.Build();
app.UseOrdersEdge();
app.MapOrdersHealth();
app.MapOrdersApi();
app.Run();
