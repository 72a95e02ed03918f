using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Web.Graph;
using OrderEats.Engine;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Hosting;
using OrderEats.Sagas;

namespace OrderEats.Console.Tests.Monitoring;

// Issue 17: on the order view the labels of OrderSaga's transitions overlapped each other or were cut off.
[TestFixture]
public class When_laying_out_a_saga_graph
{
    [Test]
    public async Task Should_place_no_label_of_the_order_sagas_graph_over_another_label_or_a_state()
    {
        var graph = await GraphFromHeartbeat<OrderSaga>("cons-graph-orders");
        var layout = SagaGraphLayout.Compute(graph);

        Assert.Multiple(() =>
        {
            Assert.That(layout.Edges.Select(e => e.Lines.Count).Sum(), Is.EqualTo(graph.Transitions.Count), "every transition is labelled");
            foreach (var (a, b) in Pairs(layout.Edges.Select(e => (Name: $"{e.From}→{e.To}", e.Label)).ToList()))
            {
                Assert.That(a.Label.Intersects(b.Label), Is.False, $"label {a.Name} overlaps label {b.Name}");
            }

            foreach (var edge in layout.Edges)
            {
                foreach (var node in layout.Nodes)
                {
                    Assert.That(edge.Label.Intersects(node.Box), Is.False, $"label {edge.From}→{edge.To} covers state {node.State}");
                }

                Assert.That(edge.Label.X >= 0 && edge.Label.Y >= 0 && edge.Label.Right <= layout.Width && edge.Label.Bottom <= layout.Height, Is.True,
                    $"label {edge.From}→{edge.To} is cut off");
            }

            Assert.That(layout.Width, Is.LessThanOrEqualTo(1240), "it fits a 1280 px window without scaling");
        });
    }

    [Test]
    public void Should_keep_labels_apart_for_a_saga_without_declared_states()
    {
        var graph = new SagaGraphModel(
            "Shop.Generic", "Generic", null, [SagaGraphModel.Start, "Running", "Completed"], ["Completed"],
            [
                new SagaGraphEdge(SagaGraphModel.Start, "Shop.Start", "Running", false),
                new SagaGraphEdge("Running", "Shop.First", "Running", false),
                new SagaGraphEdge("Running", "Shop.Second", "Running", false),
                new SagaGraphEdge("Running", "Shop.Expired", "Running", true),
                new SagaGraphEdge("Running", "MarkAsComplete", "Completed", false),
            ],
            ["Shop.Start"], ["Shop.First", "Shop.Second"], ["Shop.Expired"]);

        var layout = SagaGraphLayout.Compute(graph);

        Assert.That(Pairs(layout.Edges.Select(e => e.Label).Concat(layout.Nodes.Select(n => n.Box)).ToList()).Where(p => p.Item1.Intersects(p.Item2)), Is.Empty);
    }

    private static IEnumerable<(T, T)> Pairs<T>(IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                yield return (items[i], items[j]);
            }
        }
    }

    // The graph as the console gets it: derived by the engine from the saga's declarations and sent in a heartbeat.
    private static async Task<SagaGraphModel> GraphFromHeartbeat<TSaga>(string endpointName)
        where TSaga : class
    {
        await using var harness = await ConsoleHarness.Start();
        var configuration = new EndpointConfiguration(endpointName) { MaxConcurrency = 1 };
        configuration.UseLearningTransport(harness.Infrastructure.LearningFolder);
        configuration.UseInMemoryPersistence();
        configuration.AddHandler<TSaga>();
        configuration.SendHeartbeatsTo("console", TimeSpan.FromHours(1));
        var beat = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var endpoint = await EndpointInstance.Start(configuration, new ServiceCollection().AddLogging().BuildServiceProvider());
        await beat.WaitAsync(ConsoleHarness.Timeout);
        await endpoint.Stop();
        return harness.Services.GetRequiredService<SagaStore>().Graphs().Single(g => g.Name == typeof(TSaga).Name);
    }
}
