using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OrderEats.Deployment.Tests.Compose;

/// <summary>The repository's docker-compose.yml, parsed (YAML merge keys resolved) so tests can assert its structure.</summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(string text, YamlMappingNode root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Services => (YamlMappingNode)Root["services"];

    public IEnumerable<string> ServiceNames => Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>Every ${VARIABLE} the file interpolates.</summary>
    public IReadOnlySet<string> Variables => VariablePattern().Matches(Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static ComposeFile Load()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new ComposeFile(text, (YamlMappingNode)Merge(stream.Documents[0].RootNode));
    }

    public YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    public static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    // YAML merge keys (<<: *anchor): the anchored entries first, then the mapping's own keys override them, as docker-compose does.
    private static YamlNode Merge(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var merged = new YamlMappingNode();
                if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var source) && Merge(source) is YamlMappingNode inherited)
                {
                    foreach (var (key, value) in inherited.Children)
                    {
                        merged.Children[key] = value;
                    }
                }

                foreach (var (key, value) in mapping.Children.Where(c => c.Key.ToString() != "<<"))
                {
                    merged.Children[key] = Merge(value);
                }

                return merged;
            case YamlSequenceNode sequence:
                return new YamlSequenceNode(sequence.Children.Select(Merge));
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();
}
