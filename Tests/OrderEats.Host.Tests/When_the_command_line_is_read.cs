using System.CommandLine;

namespace OrderEats.Host.Tests;

[TestFixture]
public class When_the_command_line_is_read
{
    [Test]
    public void Should_default_to_run_and_map_infrastructure_options_to_configuration()
    {
        var line = CommandLine.Parse(["--transport", "rabbitmq", "--rabbitmq", "amqp://localhost", "--persistence", "postgresql"]);

        Assert.Multiple(() =>
        {
            Assert.That(line.Errors, Is.Empty);
            Assert.That(line.CommandResult.Command, Is.InstanceOf<RootCommand>());
            Assert.That(InfrastructureSwitches.Overrides(line), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["OrderEats:Transport"] = "rabbitmq",
                ["OrderEats:RabbitMq"] = "amqp://localhost",
                ["OrderEats:Persistence"] = "postgresql",
            }));
        });
    }

    [Test]
    public void Should_read_the_run_command_like_no_command()
    {
        var line = CommandLine.Parse(["run", "--data", "/tmp/od", "--urls", "http://127.0.0.1:5999"]);
        Assert.Multiple(() =>
        {
            Assert.That(line.Errors, Is.Empty);
            Assert.That(line.CommandResult.Command.Name, Is.EqualTo("run"));
            Assert.That(InfrastructureSwitches.Overrides(line), Is.EquivalentTo(new Dictionary<string, string?> { ["OrderEats:DataFolder"] = "/tmp/od" }));
            Assert.That(line.GetValue<string>("--urls"), Is.EqualTo("http://127.0.0.1:5999"));
        });
    }

    [Test]
    public void Should_pass_configuration_switches_on_to_the_run()
    {
        var line = CommandLine.Parse(["--OrderEats:MaxConcurrency=4", "--environment", "Production", "--Logging:LogLevel:Default", "Warning", "/Console:Queue=console", "urls=http://127.0.0.1:5998"]);

        Assert.That(RunCommand.ConfigurationSwitches(line), Is.EqualTo(new[]
        {
            "--OrderEats:MaxConcurrency=4", "--environment", "Production", "--Logging:LogLevel:Default", "Warning", "/Console:Queue=console", "urls=http://127.0.0.1:5998",
        }));
    }

    [Test]
    public async Task Should_refuse_an_unknown_run_option_naming_it()
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.Invoke(["--tranport", "rabbitmq"], TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain("'--tranport'"));
        });
    }

    [Test]
    public void Should_read_the_demo_options()
    {
        var line = CommandLine.Parse(["demo", "--orders", "500", "--keep-data", "--gateway-outage", "--transport", "learning"]);
        Assert.Multiple(() =>
        {
            Assert.That(line.Errors, Is.Empty);
            Assert.That(line.CommandResult.Command.Name, Is.EqualTo("demo"));
            Assert.That(line.GetValue<int?>("--orders"), Is.EqualTo(500));
            Assert.That(line.GetValue<bool>("--keep-data"), Is.True);
            Assert.That(line.GetResult("--gateway-outage"), Is.Not.Null, "the outage switch without seconds (120 s)");
        });
    }

    [TestCase("many", "'many'")]
    [TestCase("0", "positive")]
    public async Task Should_refuse_an_order_count_that_is_not_a_positive_number(string count, string named)
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.Invoke(["demo", "--orders", count], TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain("--orders").And.Contain(named));
        });
    }

    [TestCase("demo", "--ordres")]
    [TestCase("schema", "--dialekt")]
    [TestCase("asyncapi", "--out")]
    public async Task Should_refuse_an_unknown_option_naming_it(string command, string option)
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.Invoke([command, option, "x"], TextWriter.Null, error);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(CommandLine.UsageError));
            Assert.That(error.ToString(), Does.Contain(option));
        });
    }

    [Test]
    public async Task Should_list_the_commands_and_the_run_options_in_help()
    {
        using var output = new StringWriter();
        var exitCode = await CommandLine.Invoke(["--help"], output, TextWriter.Null);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("demo").And.Contain("schema").And.Contain("asyncapi").And.Contain("--transport").And.Contain("--urls"));
        });
    }

    [Test]
    public async Task Should_list_the_demo_options_in_its_help()
    {
        using var output = new StringWriter();
        var exitCode = await CommandLine.Invoke(["demo", "--help"], output, TextWriter.Null);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("--orders").And.Contain("--gateway-outage").And.Contain("--timeout").And.Contain("--keep-data").And.Contain("--data"));
        });
    }
}
