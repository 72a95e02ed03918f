using OrderEats.ServiceDefaults;

namespace OrderEats.Host;

/// <summary>The infrastructure the host process runs on (wrapped so it is not registered as a bare shared type).</summary>
internal sealed record HostInfrastructure(InfrastructureOptions Options);
