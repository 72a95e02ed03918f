namespace OrderEats.Engine;

/// <summary>Marks a saga message that creates the saga instance when none is found for its correlation value.</summary>
public interface IAmStartedByMessages<in T> : IHandleMessages<T>;
