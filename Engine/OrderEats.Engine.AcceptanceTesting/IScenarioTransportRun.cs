namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>A transport prepared for one scenario run: it configures each endpoint and cleans up afterwards.</summary>
internal interface IScenarioTransportRun : IAsyncDisposable
{
    void Configure(EndpointConfiguration configuration);
}
