namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>A reusable endpoint setup for scenarios, applied after the transport and persistence and before the endpoint's own setup.</summary>
public interface IEndpointSetupTemplate
{
    /// <summary>Configures <paramref name="configuration"/>.</summary>
    void Configure(EndpointConfiguration configuration);
}
