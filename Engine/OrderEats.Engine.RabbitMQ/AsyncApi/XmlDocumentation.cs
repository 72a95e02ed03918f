using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OrderEats.Engine.RabbitMQ.AsyncApi;

// The XML documentation written beside a contract assembly (GenerateDocumentationFile): summaries of types, enum values and record parameters,
// as plain text (cref and paramref references become their names).
internal sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> members = new(StringComparer.Ordinal);

    public void Load(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(file))
        {
            throw new InvalidOperationException(
                $"The XML documentation of {assembly.GetName().Name} is missing ({file}). Set <GenerateDocumentationFile>true</GenerateDocumentationFile> in its project: the contract's descriptions come from it.");
        }

        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name)
            {
                members.TryAdd(name, member);
            }
        }
    }

    public string? Summary(Type type) => Text(Member("T:" + Name(type))?.Element("summary"));

    public string? Parameter(Type type, string parameter) =>
        Text(Member("T:" + Name(type))?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == parameter))
        ?? Text(Member("P:" + Name(type) + "." + parameter)?.Element("summary"));

    public string? EnumValue(Type type, string value) => Text(Member("F:" + Name(type) + "." + value)?.Element("summary"));

    private static string Name(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("cref")?.Value is { } cref ? cref[(cref.LastIndexOf('.') + 1)..] : see.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? string.Empty,
            XElement other => other.Value,
            _ => string.Empty,
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private XElement? Member(string name) => members.GetValueOrDefault(name);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
