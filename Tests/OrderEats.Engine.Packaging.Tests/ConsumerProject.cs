using System.Globalization;

namespace OrderEats.Engine.Packaging.Tests;

/// <summary>A small application outside the repository that references the engine only as packages from a local folder feed, and runs one saga.</summary>
internal static class ConsumerProject
{
    public static void Write(string folder, string feed, string version)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ordereats-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), string.Create(CultureInfo.InvariantCulture, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OrderEats.Engine" Version="[{version}]" />
                <PackageReference Include="OrderEats.Engine.Testing" Version="[{version}]" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
    }

    // Starts an endpoint on the learning transport with in-memory persistence; the saga starts, requests a timeout, and completes when it fires.
    // The same saga also runs through TestableSaga from the testing package. Exit code 0 only when both reached the end.
    private const string Program = """
        using Microsoft.Extensions.DependencyInjection;
        using OrderEats.Engine;
        using OrderEats.Engine.Hosting;
        using OrderEats.Engine.Testing;

        var folder = Path.Combine(Path.GetTempPath(), "ordereats-consumer-" + Guid.NewGuid().ToString("N"));
        var done = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = new ServiceCollection().AddSingleton(done).BuildServiceProvider();
        var configuration = new EndpointConfiguration("consumer");
        configuration.UseLearningTransport(folder);
        configuration.UseInMemoryPersistence();
        configuration.AddHandler<DeliverySaga>();
        await using (var endpoint = await EndpointInstance.Start(configuration, services))
        {
            var id = Guid.NewGuid();
            await endpoint.SendLocal(new StartDelivery(id));
            var completed = await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Console.WriteLine($"endpoint saga completed {completed == id}");
        }

        Directory.Delete(folder, recursive: true);
        var testable = new TestableSaga<DeliverySaga, DeliveryData>(() => new DeliverySaga(new TaskCompletionSource<Guid>()));
        await testable.Handle(new StartDelivery(Guid.NewGuid()));
        var fired = await testable.AdvanceTime(TimeSpan.FromSeconds(1));
        Console.WriteLine($"testable saga completed {fired.Single().Completed}");

        public sealed record StartDelivery(Guid DeliveryId) : ICommand;

        public sealed record DeliveryDue;

        public sealed class DeliveryData : ContainSagaData
        {
            public Guid DeliveryId { get; set; }
        }

        public sealed class DeliverySaga(TaskCompletionSource<Guid> done) : Saga<DeliveryData>, IAmStartedByMessages<StartDelivery>, IHandleTimeouts<DeliveryDue>
        {
            public Task Handle(StartDelivery message, IMessageHandlerContext context) => RequestTimeout(context, TimeSpan.FromMilliseconds(200), new DeliveryDue());

            public Task Timeout(DeliveryDue state, IMessageHandlerContext context)
            {
                MarkAsComplete();
                done.TrySetResult(Data.DeliveryId);
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<DeliveryData> mapper) =>
                mapper.MapSaga(d => d.DeliveryId).ToMessage<StartDelivery>(m => m.DeliveryId);
        }
        """;
}
