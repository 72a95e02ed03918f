namespace OrderEats.ServiceDefaults.Migrations;

/// <summary>One numbered script of a component's business tables, for one dialect.</summary>
/// <param name="Name">Its file name without extension, e.g. 0001_initial; scripts run in ordinal order of their names.</param>
/// <param name="Sql">Its text.</param>
public sealed record MigrationScript(string Name, string Sql);
