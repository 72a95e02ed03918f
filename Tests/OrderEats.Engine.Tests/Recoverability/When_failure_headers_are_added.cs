using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine.Tests.Recoverability;

[TestFixture]
public class When_failure_headers_are_added
{
    [Test]
    public void Should_describe_the_exception_the_queue_and_the_machine()
    {
        InvalidOperationException exception;
        try
        {
            throw new InvalidOperationException("gateway down") { Data = { ["OrderId"] = "42" }, HelpLink = "https://help" };
        }
        catch (InvalidOperationException ex)
        {
            exception = ex;
        }

        var at = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var headers = FailureHeaders.Add(new Dictionary<string, string> { [Headers.MessageId] = "m1" }, exception, "payments", "payments", "host-1", at);

        Assert.Multiple(() =>
        {
            Assert.That(headers[Headers.MessageId], Is.EqualTo("m1"));
            Assert.That(headers[Headers.FailedQueue], Is.EqualTo("payments"));
            Assert.That(headers[Headers.ProcessingEndpoint], Is.EqualTo("payments"));
            Assert.That(headers[Headers.ProcessingMachine], Is.EqualTo("host-1"));
            Assert.That(headers[Headers.TimeOfFailure], Is.EqualTo("2026-11-25T12:00:00.0000000+00:00"));
            Assert.That(headers[Headers.ExceptionType], Is.EqualTo("System.InvalidOperationException"));
            Assert.That(headers[Headers.ExceptionMessage], Is.EqualTo("gateway down"));
            Assert.That(headers[Headers.ExceptionStackTrace], Does.Contain(nameof(Should_describe_the_exception_the_queue_and_the_machine)));
            Assert.That(headers[Headers.ExceptionSource], Is.Not.Empty);
            Assert.That(headers[Headers.ExceptionHelpLink], Is.EqualTo("https://help"));
            Assert.That(headers[Headers.ExceptionDataPrefix + "OrderId"], Is.EqualTo("42"));
        });
    }

    [Test]
    public void Should_name_the_inner_exception_type_and_message()
    {
        var exception = new InvalidOperationException("charge failed", new TimeoutException("gateway did not answer in 30 s"));

        var headers = FailureHeaders.Add(new Dictionary<string, string>(), exception, "payments", "payments", "host-1", DateTimeOffset.UnixEpoch);

        Assert.Multiple(() =>
        {
            Assert.That(headers[Headers.InnerExceptionType], Is.EqualTo("System.TimeoutException"));
            Assert.That(headers[Headers.InnerExceptionMessage], Is.EqualTo("gateway did not answer in 30 s"));
            Assert.That(Headers.InnerExceptionType, Is.EqualTo("OrderEats.ExceptionInfo.InnerExceptionType"));
        });
    }

    [Test]
    public void Should_drop_an_earlier_failure_s_inner_exception_when_the_new_one_has_none()
    {
        var earlier = new Dictionary<string, string>
        {
            [Headers.InnerExceptionType] = "System.TimeoutException",
            [Headers.InnerExceptionMessage] = "old",
        };

        var headers = FailureHeaders.Add(earlier, new InvalidOperationException("new"), "payments", "payments", "host-1", DateTimeOffset.UnixEpoch);

        Assert.That(headers.Keys, Has.None.EqualTo(Headers.InnerExceptionType).And.None.EqualTo(Headers.InnerExceptionMessage));
    }
}
