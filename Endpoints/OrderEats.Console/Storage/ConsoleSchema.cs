using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Console.Storage;

/// <summary>The console's tables (failures, attempts, groups, events, users, saga audit): versioned migrations, Migrations/&lt;Dialect&gt;/*.sql in this assembly.</summary>
public static class ConsoleSchema
{
    /// <summary>The migrations of the console database, journaled as "console".</summary>
    public static BusinessMigrations Migrations { get; } = new("console", typeof(ConsoleSchema).Assembly);
}
