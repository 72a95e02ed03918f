using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Tests.Monitoring;

// Issue 17: the state-change column showed JSON escapes ("\u003C") instead of the characters.
[TestFixture]
public class When_showing_state_changes
{
    [Test]
    public void Should_show_strings_without_quotes_or_escapes_and_objects_as_compact_json()
    {
        const string before = """{"note":"old","total":{"amount":9.5,"currency":"EUR"}}""";
        const string after = """{"note":"Kitchen said \u003Cno\u003E \u0026 \u0027closed\u0027","total":{"amount":12,"currency":"EUR"},"lines":["Caf\u00E9"]}""";

        var changes = StateDiff.Compute(before, after).ToDictionary(c => c.Property, c => (StateDiff.Readable(c.Before), StateDiff.Readable(c.After)));

        Assert.Multiple(() =>
        {
            Assert.That(changes["note"], Is.EqualTo(("old", "Kitchen said <no> & 'closed'")));
            Assert.That(changes["total"].Item2, Is.EqualTo("""{"amount":12,"currency":"EUR"}"""));
            Assert.That(changes["lines"], Is.EqualTo(("—", """["Café"]""")));
            Assert.That(StateDiff.Readable("\"" + new string('x', 500) + "\""), Has.Length.EqualTo(161), "long values are cut");
        });
    }
}
