using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OrderEats.Deployment.Tests.Compose;

/// <summary>The structure the README promises: every service health-checked, endpoints wait for healthy infrastructure, no secrets, scalable endpoints.</summary>
public class When_the_compose_file_is_read
{
    private static readonly string[] Endpoints = ["orders", "payments", "kitchen", "notifications", "console"];
    private static readonly string[] Scalable = ["payments", "kitchen", "notifications"];
    private ComposeFile compose = null!;

    [SetUp]
    public void Load() => compose = ComposeFile.Load();

    [Test]
    public void Should_run_the_broker_the_database_every_endpoint_and_sql_server_as_a_profile()
    {
        Assert.Multiple(() =>
        {
            Assert.That(compose.ServiceNames, Is.SupersetOf(Endpoints.Concat(["rabbitmq", "postgres", "sqlserver"])));
            Assert.That(Scalar(compose.Service("rabbitmq"), "image"), Does.Contain("management"));
            Assert.That(ComposeFile.Child(compose.Service("sqlserver"), "profiles")?.ToString(), Does.Contain("sqlserver"));
        });
    }

    [Test]
    public void Should_give_every_service_a_health_check()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in compose.ServiceNames)
            {
                var check = ComposeFile.Child(compose.Service(name), "healthcheck") as YamlMappingNode;
                Assert.That(check is not null && ComposeFile.Child(check, "test") is not null, Is.True, $"service {name} has no healthcheck.test");
            }

            foreach (var name in Endpoints)
            {
                Assert.That(ComposeFile.Child(compose.Service(name), "healthcheck")!.ToString(), Does.Contain("/health/ready"), name);
            }
        });
    }

    [Test]
    public void Should_start_endpoints_only_after_the_broker_and_database_are_healthy()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in Endpoints)
            {
                var dependsOn = ComposeFile.Child(compose.Service(name), "depends_on") as YamlMappingNode;
                Assert.That(dependsOn, Is.Not.Null, $"{name} has no depends_on with conditions");
                foreach (var infrastructure in new[] { "rabbitmq", "postgres" })
                {
                    var condition = dependsOn is null ? null : ComposeFile.Child((YamlMappingNode)dependsOn[infrastructure], "condition");
                    Assert.That(condition?.ToString(), Is.EqualTo("service_healthy"), $"{name} -> {infrastructure}");
                }
            }
        });
    }

    [Test]
    public void Should_take_every_secret_from_the_environment()
    {
        var secretKeys = new Regex("(PASSWORD|PASS|SECRET|HASH|TOKEN)", RegexOptions.IgnoreCase);
        var interpolation = new Regex(@"\$\{[^}]*\}");
        var inlinePassword = new Regex("Password=[^;]|://[^@/]*:[^@/]+@", RegexOptions.IgnoreCase);
        Assert.Multiple(() =>
        {
            foreach (var name in compose.ServiceNames)
            {
                if (ComposeFile.Child(compose.Service(name), "environment") is not YamlMappingNode environment)
                {
                    continue;
                }

                foreach (var (key, value) in environment.Children)
                {
                    var text = value.ToString();
                    if (secretKeys.IsMatch(key.ToString()))
                    {
                        Assert.That(text, Does.StartWith("${"), $"{name}: {key} is written in the file");
                    }

                    Assert.That(inlinePassword.IsMatch(interpolation.Replace(text, string.Empty)), Is.False, $"{name}: {key} has an inline credential: {text}");
                }
            }
        });
    }

    [Test]
    public void Should_list_every_variable_in_the_env_example()
    {
        var example = EnvFile.Read(EnvFile.ExamplePath);

        Assert.That(compose.Variables.Where(v => !example.ContainsKey(v)), Is.Empty, ".env.example lacks variables the compose file uses");
    }

    [Test]
    public void Should_let_the_endpoints_scale()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in Scalable)
            {
                var service = compose.Service(name);
                Assert.That(ComposeFile.Child(service, "container_name"), Is.Null, $"{name} has a fixed container_name: --scale would fail");
                Assert.That(ComposeFile.Child(service, "ports"), Is.Null, $"{name} publishes host ports: --scale would fail");
            }
        });
    }

    private static string? Scalar(YamlMappingNode node, string key) => (ComposeFile.Child(node, key) as YamlScalarNode)?.Value;
}
