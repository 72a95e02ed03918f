namespace OrderEats.Console;

/// <summary>What a console user may do.</summary>
public enum ConsoleRole
{
    /// <summary>Sees everything, changes nothing.</summary>
    Reader,

    /// <summary>Also retries, archives, restores and edits.</summary>
    Operator,
}
