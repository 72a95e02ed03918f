namespace OrderEats.Engine.Recoverability;

/// <summary>A recoverability policy: a pure function from the configuration and the failure to an action.</summary>
public delegate RecoverabilityAction RecoverabilityPolicy(RecoverabilityConfig config, ErrorContext context);
