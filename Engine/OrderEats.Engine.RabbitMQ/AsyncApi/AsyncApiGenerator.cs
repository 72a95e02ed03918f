using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.RabbitMQ.AsyncApi;

/// <summary>
/// Writes an AsyncAPI 3.0 document (JSON) of a message contract on the RabbitMQ transport: one channel per destination queue, per event exchange
/// and for replies; every message with its JSON schema (required and nullable members, the validation rules, computed members), its audience
/// (public or internal), what answers a command; and the engine's delivery, retry and failure rules. Descriptions come from the XML documentation
/// of the contract assemblies. The output is deterministic, so a committed copy can be compared with what the types generate.
/// </summary>
public static class AsyncApiGenerator
{
    private const string BindingVersion = "0.3.0";
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document for <paramref name="options"/>, as indented JSON with a final newline.</summary>
    public static string Generate(AsyncApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var docs = new XmlDocumentation();
        foreach (var assembly in options.MessageTypes.Select(t => t.Assembly).Distinct().OrderBy(a => a.FullName, StringComparer.Ordinal))
        {
            docs.Load(assembly);
        }

        var contracts = options.MessageTypes.Distinct().Select(ContractType.Read).OrderBy(c => c.ContractName, StringComparer.Ordinal).ToList();
        var schemas = new JsonSchemaBuilder(docs);
        var messages = new JsonObject();
        foreach (var contract in contracts)
        {
            messages[contract.Name] = Message(contract, schemas.Body(contract.Type), docs);
        }

        var (channels, operations) = Channels(contracts, docs);
        var schemaNodes = new JsonObject();
        foreach (var (name, schema) in schemas.Components)
        {
            schemaNodes[name] = schema.DeepClone();
        }

        var document = new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = options.Title,
                ["version"] = options.Version,
                ["description"] = options.Description.TrimEnd() + "\n\n" + EngineRules(options),
            },
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["broker"] = new JsonObject
                {
                    ["host"] = options.Server,
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "RabbitMQ 3.10 or later, no plugins. Each deployment has its own address and credentials.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemaNodes },
        };
        return document.ToJsonString(Output).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Message(ContractType contract, JsonObject payload, XmlDocumentation docs)
    {
        var message = new JsonObject
        {
            ["name"] = contract.Name,
            ["title"] = contract.Name,
            ["summary"] = (contract.IsPublic ? "Public" : "Internal: outside senders must not send it") + (contract.IsEvent ? " event" : contract.IsCommand ? " command" : " reply") + ".",
            ["description"] = docs.Summary(contract.Type) ?? contract.Name,
            ["contentType"] = "application/json",
            ["correlationId"] = new JsonObject
            {
                ["description"] = "A reply carries the id of the message it answers in correlation_id (AMQP property).",
                ["location"] = "$message.header#/correlation_id",
            },
            ["payload"] = payload,
            ["bindings"] = new JsonObject { ["amqp"] = new JsonObject { ["messageType"] = contract.ContractName, ["bindingVersion"] = BindingVersion } },
            ["x-contract-name"] = contract.ContractName,
            ["x-internal"] = !contract.IsPublic,
        };
        if (contract.Destination is not null)
        {
            message["x-destination"] = contract.Destination;
        }

        if (contract.Replies.Count > 0)
        {
            message["x-answered-with"] = new JsonArray([.. contract.Replies.Select(r => JsonValue.Create(r.Name))]);
        }

        if (contract.NotAnswered is not null)
        {
            message["x-not-answered"] = "Never answered; the outcome shows in " + contract.NotAnswered + ".";
        }

        return message;
    }

    private static (JsonObject Channels, JsonObject Operations) Channels(IReadOnlyList<ContractType> contracts, XmlDocumentation docs)
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var replyTypes = contracts.SelectMany(c => c.Replies).ToHashSet();
        foreach (var queue in contracts.Where(c => c.Destination is not null).GroupBy(c => c.Destination!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            channels[queue.Key] = new JsonObject
            {
                ["address"] = queue.Key,
                ["title"] = $"Queue {queue.Key}",
                ["description"] = $"The input queue of endpoint '{queue.Key}' (durable; quorum by default). Send with basic.publish to the fanout exchange '{queue.Key}' (bound to the queue of the same name) with routing key \"\" and mandatory = true.",
                ["messages"] = References(queue),
                ["bindings"] = Amqp(new JsonObject
                {
                    ["is"] = "queue",
                    ["queue"] = new JsonObject { ["name"] = queue.Key, ["durable"] = true, ["exclusive"] = false, ["autoDelete"] = false, ["vhost"] = "/" },
                }),
            };
            foreach (var command in queue)
            {
                var operation = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = Ref("#/channels/" + queue.Key),
                    ["title"] = $"Send {command.Name} to {queue.Key}",
                    ["summary"] = command.IsPublic ? $"Outside senders may send {command.Name}." : $"Internal: only the services send {command.Name}; outside senders must not.",
                    ["description"] = docs.Summary(command.Type) ?? command.Name,
                    ["messages"] = new JsonArray(Ref($"#/channels/{queue.Key}/messages/{command.Name}")),
                    ["x-internal"] = !command.IsPublic,
                };
                if (command.Replies.Count > 0)
                {
                    operation["reply"] = new JsonObject
                    {
                        ["address"] = new JsonObject
                        {
                            ["description"] = "The queue named in the command's reply_to property; no reply is sent when it names none.",
                            ["location"] = "$message.header#/reply_to",
                        },
                        ["channel"] = Ref("#/channels/replies"),
                        ["messages"] = new JsonArray([.. command.Replies.Select(r => Ref("#/channels/replies/messages/" + r.Name))]),
                    };
                }
                else
                {
                    operation["x-not-answered"] = "Never answered; the outcome shows in " + command.NotAnswered + ".";
                }

                operations[command.Name] = operation;
            }
        }

        var replies = contracts.Where(c => replyTypes.Contains(c.Type)).ToList();
        channels["replies"] = new JsonObject
        {
            ["address"] = null,
            ["title"] = "Replies",
            ["description"] = "The queue a sender named in reply_to: declare it yourself (durable, separate from the queue your event subscriptions feed), with a fanout exchange of the same name bound to it, since replies are published to that exchange. Each answered command gets exactly one reply there, its correlation_id being the command's message_id.",
            ["messages"] = References(replies),
        };

        var events = contracts.Where(c => c.IsEvent && !c.Type.IsInterface && !c.Type.IsAbstract).ToList();
        foreach (var @event in events)
        {
            channels[@event.ContractName] = EventChannel(@event.ContractName, $"Exchange of event {@event.Name} (fanout): bind your own queue to it to receive every {@event.Name}.", [@event]);
            operations[@event.Name] = EventOperation(@event.ContractName, [@event], docs.Summary(@event.Type) ?? @event.Name);
        }

        foreach (var group in events.SelectMany(e => e.Type.GetInterfaces().Where(i => typeof(IEvent).IsAssignableFrom(i) && i != typeof(IEvent)), (e, i) => (Event: e, Interface: i))
                     .GroupBy(x => x.Interface).OrderBy(g => g.Key.FullName, StringComparer.Ordinal))
        {
            var name = (group.Key.FullName ?? group.Key.Name).Replace('+', '.');
            var members = group.Select(x => x.Event).ToList();
            channels[name] = EventChannel(name, $"Exchange of every event that is a {group.Key.Name} (fanout; bound to each concrete event's exchange when that event is first published): bind your own queue to it to receive them all.", members);
            operations[group.Key.Name] = EventOperation(name, members, docs.Summary(group.Key) ?? group.Key.Name);
        }

        return (channels, operations);
    }

    private static JsonObject EventChannel(string exchange, string description, IEnumerable<ContractType> events) => new()
    {
        ["address"] = exchange,
        ["title"] = "Exchange " + exchange,
        ["description"] = description + " Delivery is at least once: deduplicate by message_id.",
        ["messages"] = References(events),
        ["bindings"] = Amqp(new JsonObject
        {
            ["is"] = "routingKey",
            ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
        }),
    };

    private static JsonObject EventOperation(string channel, IEnumerable<ContractType> events, string description) => new()
    {
        ["action"] = "send",
        ["channel"] = Ref("#/channels/" + Escape(channel)),
        ["title"] = "Published to " + channel,
        ["description"] = description,
        ["messages"] = new JsonArray([.. events.Select(e => Ref($"#/channels/{Escape(channel)}/messages/{e.Name}"))]),
    };

    private static JsonObject References(IEnumerable<ContractType> contracts)
    {
        var references = new JsonObject();
        foreach (var contract in contracts)
        {
            references[contract.Name] = Ref("#/components/messages/" + contract.Name);
        }

        return references;
    }

    private static JsonObject Amqp(JsonObject binding)
    {
        binding["bindingVersion"] = BindingVersion;
        return new JsonObject { ["amqp"] = binding };
    }

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };

    // JSON pointer escaping of a channel key inside a $ref ("~" and "/" only; contract names have neither, but keep the rule).
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string EngineRules(AsyncApiOptions options)
    {
        var config = options.Recoverability;
        var policy = new RecoverabilityConfig(
            config.ImmediateRetries, config.DelayedRetries, config.DelayedRetryBase, config.MaxDelay, config.JitterFraction, config.RetryCap, options.ErrorQueue, config.UnrecoverableExceptions);
        var delays = Enumerable.Range(1, config.DelayedRetries).Select(i => Seconds(DefaultRecoverabilityPolicy.DelayFor(policy, i, 0.5))).ToList();
        var jitter = (config.JitterFraction * 100).ToString("0", CultureInfo.InvariantCulture);
        return string.Join("\n\n",
            "## Sending a command",
            "Publish to the fanout exchange named like the command's queue (its channel; endpoint setup binds the two), routing key \"\", mandatory = true, on a channel in confirm mode, and wait for the confirm. " +
            "The services never use the default exchange \"\" (write permission on it would reach every queue), and production broker accounts do not have it. " +
            "Set the AMQP properties message_id (a new GUID per message: receivers deduplicate by it, so a resend after a lost confirm must keep it), type (the message's contract name, " +
            "x-contract-name, e.g. the full type name), content_type = application/json and delivery_mode = 2 (persistent); set reply_to to a queue of your own to get the answer of a " +
            "command that is answered. The body is UTF-8 JSON with camelCase names; members not marked required may be left out; a member marked x-computed is the service's to compute. " +
            "Messages marked x-internal are for the services alone: outside senders must not send them. The transport rules (headers, delays) are in docs/wire-format.md.",
            "## Replies",
            "A command with a reply (operations with a reply) is answered exactly once, to the queue named in its reply_to, with correlation_id = the command's message_id; without reply_to " +
            "nothing is sent back. A command marked x-not-answered is never answered: its outcome shows in the events named there. Declare your reply queue separately from the queue " +
            "your event subscriptions feed, so replies and events are not mixed, with a name of your own (not server-named: amq.* exchanges cannot be declared), and a fanout exchange of the same name bound to it: " +
            "replies are published to the exchange named like the reply_to queue.",
            "## Events",
            "Events are published to a fanout exchange named after the event's contract name (and, through it, to the exchange of each interface it implements). To subscribe, declare " +
            "your own durable queue and bind it to the exchanges you want (declaring an exchange is idempotent: type fanout, durable). Delivery is at least once: the same event " +
            "(same message_id) can arrive twice, after a broker or service restart; deduplicate by message_id. Acknowledge after processing.",
            "## Failures and retries",
            "A message the receiving service cannot read or that breaks its contract goes to the queue '" + options.ErrorQueue + "' at once, on its first attempt, with the reason in the " +
            "header OrderEats.ExceptionInfo.Message (and the members at fault in OrderEats.ExceptionInfo.Data.Members): no message_id, an unknown type, a body that is not JSON, a " +
            "required member missing, null where the schema does not allow it, a value outside its minimum/maximum/length, a command sent to a queue whose endpoint has no handler for it. " +
            string.Create(CultureInfo.InvariantCulture, $"Any other failure is retried: {config.ImmediateRetries} immediate retries, then {config.DelayedRetries} delayed retries about {string.Join(", ", delays)} later (each ±{jitter} %), ") +
            string.Create(CultureInfo.InvariantCulture, $"never past {Seconds(config.RetryCap)} after the first failure; then the message goes to '{options.ErrorQueue}', where operators retry it from the console. ") +
            "Nothing is dropped silently.");
    }

    private static string Seconds(TimeSpan span) => span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
