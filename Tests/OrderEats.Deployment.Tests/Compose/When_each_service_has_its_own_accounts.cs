using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace OrderEats.Deployment.Tests.Compose;

// Finding 5: every service used the PostgreSQL superuser and the one RabbitMQ administrator (also the management-UI login), and the SQL
// Server profile used sa with TrustServerCertificate=True.
public class When_each_service_has_its_own_accounts
{
    private static readonly string[] Endpoints = ["orders", "payments", "kitchen", "notifications", "console"];
    private ComposeFile compose = null!;

    [SetUp]
    public void Load() => compose = ComposeFile.Load();

    [Test]
    public void Should_connect_each_service_to_the_broker_and_databases_as_itself()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in Endpoints)
            {
                Assert.That(Environment(name, "ORDEREATS_RABBITMQ"), Does.StartWith($"amqp://{name}:${{{name.ToUpperInvariant()}_RABBITMQ_PASSWORD"), name);
                Assert.That(Environment(name, "ORDEREATS_POSTGRES"), Does.Contain($"Username={name};"), name);
                Assert.That(Environment(name, "ORDEREATS_SQLSERVER"), Does.Contain($"User Id={name};").And.Not.Contain("TrustServerCertificate=True").And.Contain("Encrypt=Strict"), name);
            }
        });
    }

    [Test]
    public void Should_keep_the_administrators_out_of_every_service()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in Endpoints)
            {
                var environment = ComposeFile.Child(compose.Service(name), "environment")!.ToString();
                Assert.That(environment, Does.Not.Contain("RABBITMQ_ADMIN").And.Not.Contain("POSTGRES_ADMIN").And.Not.Contain("MSSQL_SA_PASSWORD").And.Not.Contain("User Id=sa"), name);
            }
        });
    }

    [Test]
    public void Should_create_the_accounts_with_the_committed_scripts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ComposeFile.Child(compose.Service("rabbitmq"), "volumes")!.ToString(), Does.Contain("./Endpoints/Deployment/rabbitmq:/opt/ordereats"));
            Assert.That(ComposeFile.Child(compose.Service("rabbitmq"), "healthcheck")!.ToString(), Does.Contain("ordereats-accounts-ready"));
            Assert.That(ComposeFile.Child(compose.Service("postgres"), "volumes")!.ToString(), Does.Contain("postgres/roles.sh:/docker-entrypoint-initdb.d/"));
            Assert.That(ComposeFile.Child(compose.Service("sqlserver"), "volumes")!.ToString(), Does.Contain("./Endpoints/Deployment/sqlserver:/opt/ordereats"));
            Assert.That(File.Exists(RepositoryRoot.File("Endpoints/Deployment/rabbitmq/accounts.sh")), Is.True);
            Assert.That(File.Exists(RepositoryRoot.File("Endpoints/Deployment/postgres/roles.sh")), Is.True);
            Assert.That(File.Exists(RepositoryRoot.File("Endpoints/Deployment/sqlserver/logins.sql")), Is.True);
        });
    }

    [Test]
    public void Should_give_orders_the_credentials_that_let_real_callers_in()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Environment("orders", "Orders__Auth__ApiKeys__0__Sha256"), Does.StartWith("${ORDERS_BACKOFFICE_KEY_SHA256:?"));
            Assert.That(Environment("orders", "Orders__Auth__SigningKey"), Does.Contain("ORDERS_TOKEN_SIGNING_KEY"));
            Assert.That(Environment("orders", "Orders__Auth__Authority"), Does.Contain("ORDERS_TOKEN_AUTHORITY"));
        });
    }

    [Test]
    public async Task Should_accept_the_tls_override_file()
    {
        var folder = Directory.CreateTempSubdirectory("ordereats-compose-tls-").FullName;
        try
        {
            var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--project-directory", RepositoryRoot.Path, "-f", RepositoryRoot.File("docker-compose.yml"),
                "-f", RepositoryRoot.File("Endpoints/Deployment/docker-compose.tls.yml"), "--env-file", EnvFile.Filled(folder), "config",
            })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in compose.Variables)
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            var merged = await output;

            Assert.That(process.ExitCode, Is.Zero, await error);
            Assert.That(merged, Does.Contain("amqps://payments:").And.Contain("ORDEREATS_RABBITMQ_CA: /run/ordereats-tls/ca.crt").And.Contain("Mode=VerifyFull"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Environment(string service, string key) =>
        ((YamlMappingNode)ComposeFile.Child(compose.Service(service), "environment")!).Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.ToString() : string.Empty;
}
