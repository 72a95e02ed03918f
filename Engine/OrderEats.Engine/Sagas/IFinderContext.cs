using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sagas;

/// <summary>The engine's side of a finder context: the records the finder loaded, so the invoker reuses the locked row instead of reading it again.</summary>
internal interface IFinderContext
{
    SagaRecord? Loaded(Guid sagaId);
}
