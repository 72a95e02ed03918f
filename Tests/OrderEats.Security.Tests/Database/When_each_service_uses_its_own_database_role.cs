using Npgsql;
using OrderEats.Security.Tests.Broker;

namespace OrderEats.Security.Tests.Database;

// Finding 5: every service used the PostgreSQL superuser, so any of them could read every other service's database. With roles.sh each
// service's role owns its database, installs its schema there as the service starts, and cannot connect to another's or create one.
// (The private server trusts local connections, so passwords are not what is checked here: the privileges are.)
[TestFixture]
[NonParallelizable]
public class When_each_service_uses_its_own_database_role
{
    private DatabaseRoles roles = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        roles = await DatabaseRoles.Start();
        folder = Directory.CreateTempSubdirectory("ordereats-db-roles-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        NpgsqlConnection.ClearAllPools();
        await roles.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [TestCaseSource(typeof(DatabaseRoles), nameof(DatabaseRoles.Services))]
    public async Task Should_start_the_service_on_its_own_role_and_database(string service)
    {
        await using var app = await ServiceApp.Start(service, new Dictionary<string, string?>
        {
            ["OrderEats:Transport"] = "learning",
            ["OrderEats:DataFolder"] = Path.Combine(folder, service),
            ["OrderEats:Postgres"] = roles.ServerConnectionString(service),
            ["Orders:Auth:ApiKeys:0:Name"] = "db-roles",
            ["Orders:Auth:ApiKeys:0:Sha256"] = new string('a', 64),
            ["Console:Users:0:Name"] = "ops",
            ["Console:Users:0:PasswordHash"] = ConsolePasswordHash.Create("db-roles-pw"),
            ["Console:Users:0:Role"] = "Operator",
        });

        await using var connection = new NpgsqlConnection(roles.ConnectionString(service, "ordereats_" + service));
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user", connection);

        Assert.That((long)(await tables.ExecuteScalarAsync())!, Is.GreaterThan(0), "the service created its tables, owned by its own role");
    }

    [Test]
    public async Task Should_refuse_a_service_role_another_services_database()
    {
        var refused = new List<string>();
        foreach (var role in DatabaseRoles.Services)
        {
            foreach (var other in DatabaseRoles.Services.Where(s => s != role))
            {
                await using var connection = new NpgsqlConnection(roles.ConnectionString(role, "ordereats_" + other));
                try
                {
                    await connection.OpenAsync();
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    refused.Add($"{role}->{other}");
                }
            }
        }

        Assert.That(refused, Has.Count.EqualTo(DatabaseRoles.Services.Length * (DatabaseRoles.Services.Length - 1)));
    }

    [TestCase("CREATE DATABASE stolen")]
    [TestCase("CREATE ROLE intruder LOGIN")]
    [TestCase("ALTER ROLE payments SUPERUSER")]
    public async Task Should_refuse_a_service_role_administration(string statement)
    {
        await using var connection = new NpgsqlConnection(roles.ConnectionString("payments", "ordereats_payments"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = Assert.ThrowsAsync<PostgresException>(async () => await command.ExecuteNonQueryAsync());

        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.InsufficientPrivilege));
    }

    [Test]
    public async Task Should_run_the_roles_script_again_without_harm()
    {
        var (exitCode, output) = await roles.RunScript();

        Assert.That(exitCode, Is.Zero, output);
    }
}
