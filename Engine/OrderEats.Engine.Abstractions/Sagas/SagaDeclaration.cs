using System.Reflection;

namespace OrderEats.Engine;

/// <summary>What a saga's ConfigureHowToFindSaga declared: the correlation property, the property mappings and the custom finders.</summary>
internal sealed record SagaDeclaration(PropertyInfo? CorrelationProperty, IReadOnlyList<SagaMessageMapping> Messages, IReadOnlyList<SagaFinderMapping> Finders);
