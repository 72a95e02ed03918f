namespace OrderEats.Engine.Tests;

[TestFixture]
public class When_the_engine_assembly_loads
{
    [Test]
    public void Should_expose_the_transport_seam() =>
        Assert.That(typeof(Transport.ITransport).GetMethods(), Has.Length.LessThanOrEqualTo(5));
}
