using System.Reflection;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults.Migrations;

/// <summary>
/// The versioned scripts of one component's business tables (a service's, or the console's): embedded resources
/// <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c> of <paramref name="assembly"/>, applied in order by <see cref="MigrationRunner"/> and recorded
/// in the journal table under <paramref name="component"/>.
/// </summary>
/// <param name="component">The journal's name for the component, e.g. "payments".</param>
/// <param name="assembly">The assembly embedding the scripts.</param>
public sealed class BusinessMigrations(string component, Assembly assembly)
{
    /// <summary>The journal's name for the component.</summary>
    public string Component { get; } = component;

    /// <summary>The scripts for <paramref name="kind"/>, in the order they run.</summary>
    public IReadOnlyList<MigrationScript> Scripts(SqlDialectKind kind)
    {
        var prefix = $"Migrations/{kind}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(resource[prefix.Length..^".sql".Length], reader.ReadToEnd()));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException(
                $"{assembly.GetName().Name} embeds no {kind} migration scripts for '{Component}'. Add Migrations/{kind}/0001_initial.sql as an EmbeddedResource with LogicalName Migrations/%(RecursiveDir)%(Filename)%(Extension).");
        }

        return [.. scripts.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
