namespace OrderEats.Engine.Extensibility;

/// <summary>
/// An add-on's settings on an endpoint configuration (<see cref="EndpointConfiguration.Extension{T}"/>); the engine calls <see cref="Attach"/> once
/// when the endpoint starts receiving, so the add-on can add its pipeline steps and background work.
/// </summary>
public interface IEndpointExtension
{
    /// <summary>Adds the add-on's steps and background work to the starting endpoint.</summary>
    void Attach(EndpointExtensionContext endpoint);
}
