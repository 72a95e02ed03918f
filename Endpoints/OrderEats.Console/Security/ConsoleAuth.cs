namespace OrderEats.Console.Security;

/// <summary>Names of the console's authentication scheme and policies.</summary>
internal static class ConsoleAuth
{
    public const string Scheme = "OrderEats.Console";
    public const string Readers = "OrderEats.Console.Readers";
    public const string Operators = "OrderEats.Console.Operators";
}
