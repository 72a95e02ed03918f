using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Payments;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Payments;

public static class PaymentsHarness
{
    public static Task<ServiceHarness> Start(TestPersistence persistence, double declineRate = 0, double transientFailureRate = 0) => ServiceHarness.Start(
        persistence,
        (services, configuration, infrastructure, customize) => services.AddPaymentsService(configuration, infrastructure, customize),
        new Dictionary<string, string?>
        {
            ["Payments:Gateway:DeclineRate"] = declineRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Payments:Gateway:TransientFailureRate"] = transientFailureRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static Task Send(this ServiceHarness harness, object command) =>
        harness.Orders.Send(command, new SendOptions { Destination = EndpointNames.Payments });
}
