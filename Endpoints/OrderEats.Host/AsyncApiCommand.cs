using OrderEats.Engine;
using OrderEats.Engine.RabbitMQ.AsyncApi;
using OrderEats.Messages.Commands;

namespace OrderEats.Host;

/// <summary>
/// `asyncapi [--output docs/asyncapi.json]`: writes the AsyncAPI 3.0 document of the public contract, generated from the message types (their
/// attributes and XML documentation) and the engine's delivery and retry rules. A test fails when the committed document differs from it.
/// </summary>
internal static class AsyncApiCommand
{
    /// <summary>Where the document is committed, relative to the repository root.</summary>
    public const string DocumentPath = "docs/asyncapi.json";

    /// <summary>The contract's version: the minor number grows with every addition, the major with every change an existing sender would notice.</summary>
    public const string ContractVersion = "2.0.0";

    private const string Introduction = """
        The messages of OrderEats on RabbitMQ: what an outside sender (any AMQP 0-9-1 client, e.g. Node.js amqplib) sends, what it gets back, and the
        events it can subscribe to. The HTTP API (POST /orders, GET /orders/{id}) places orders through the same path.

        ## Placing an order
        Send PlaceOrder to the queue `orders` with the order id you choose, the customer, the restaurant and the lines (menu item and quantity). It
        is a request, not a fact: Orders validates it (required fields, quantities 1 to 100, 1 to 100 lines, one currency), checks that the
        customer, the restaurant and each menu item exist, and prices it from the restaurant's menu. Names, prices and the total are computed by the
        service (members marked x-computed); a value sent anyway must equal the computed one, or the order is rejected. Sending the same PlaceOrder
        again (same order id, same content) places one order; different content under a taken order id is refused.

        ## Learning the outcome
        With reply_to set, PlaceOrder is answered once: OrderPlaced (valid: stored as Submitted, priced, being charged) or OrderPlacementRejected
        (the errors per field; nothing was charged). A rejected order is stored with status Rejected, published as OrderPlacementRejected and
        OrderStatusChanged, and GET /orders/{id} shows its errors. From then on follow the order's events: OrderStatusChanged on every status
        (Submitted, Paid, Accepted, Ready, then Completed; or Cancelled; or Rejected), OrderConfirmed, OrderReady, OrderCancelled (with the reason
        and whether a charge was refunded). Completed, Cancelled and Rejected are final (x-terminal on OrderStatus): wait for one of them. Subscribe
        to the exchange OrderEats.Messages.Events.IOrderEvent to get every order event in one queue.

        ## Cancelling
        Send CancelOrder to `orders`. It is honoured while the order is Submitted or Paid (any charge is refunded, then OrderCancelled) and ignored
        afterwards; it is never answered: the order's events say what happened.

        ## Internal messages
        StartOrder, ChargePayment, RefundPayment, PrepareOrder and the replies of Payments and Kitchen (x-internal: true) are for the services
        alone; outside senders must not send them. They are listed so subscribers can follow the flow, and each service refuses what cannot be right
        (a StartOrder for an order Orders never stored, a charge that is not positive or not in an ISO 4217 currency, a kitchen ticket without lines).
        """;

    public static AsyncApiOptions Options()
    {
        var options = new AsyncApiOptions
        {
            Title = "OrderEats",
            Version = ContractVersion,
            Description = Introduction,
            Server = "localhost:5672",
        };
        foreach (var type in typeof(PlaceOrder).Assembly.GetExportedTypes()
                     .Where(t => typeof(IMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            options.MessageTypes.Add(type);
        }

        return options;
    }

    public static string Document() => AsyncApiGenerator.Generate(Options());

    public static int Run(string? target, TextWriter output)
    {
        var document = Document();
        if (target is not null)
        {
            var path = Resolve(target);
            File.WriteAllText(path, document);
            output.WriteLine($"Wrote {path} ({document.Length} characters).");
        }
        else
        {
            output.Write(document);
        }

        return 0;
    }

    // A relative path is taken from the repository root when the command runs inside the repository (dotnet run starts in the project folder).
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return Path.Combine(folder.FullName, path);
            }
        }

        return Path.GetFullPath(path);
    }
}
