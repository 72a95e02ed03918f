using System.Globalization;
using Npgsql;
using OrderEats.Security.Tests.Broker;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Tls;

// Finding 5: no TLS to the database. With SSL Mode=VerifyFull and the CA's certificate (Root Certificate) in the connection string, a
// service connects only to a server whose certificate that CA signed for the host it dialled.
[TestFixture]
[NonParallelizable]
public class When_the_database_is_reached_over_tls
{
    private TestCertificates certificates = null!;
    private PostgresServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        certificates = await TestCertificates.Create();
        await certificates.GiveKeyTo("postgres");
        server = await PostgresServer.StartPrivate(new PostgresServerOptions { ServerOptions = $"-c ssl=on -c ssl_cert_file={certificates.CertificateFile} -c ssl_key_file={certificates.KeyFile}" });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
        certificates.Dispose();
    }

    [Test]
    public async Task Should_connect_with_verify_full_and_the_servers_ca()
    {
        await using var connection = new NpgsqlConnection(ConnectionString("localhost", certificates.CaFile));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", connection);

        Assert.That(await command.ExecuteScalarAsync(), Is.True);
    }

    [Test]
    public async Task Should_start_a_service_whose_connection_string_requires_verify_full()
    {
        var folder = Directory.CreateTempSubdirectory("ordereats-db-tls-").FullName;
        try
        {
            await using var app = await ServiceApp.Start("payments", new Dictionary<string, string?>
            {
                ["OrderEats:Transport"] = "learning",
                ["OrderEats:DataFolder"] = folder,
                ["OrderEats:Postgres"] = ConnectionString("localhost", certificates.CaFile),
            });

            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString("localhost", certificates.CaFile)) { Database = "ordereats_payments" }.ConnectionString);
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
            Assert.That((long)(await tables.ExecuteScalarAsync())!, Is.GreaterThan(0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("localhost", "other", TestName = "Should_refuse_a_server_certificate_from_another_ca")]
    [TestCase("127.0.0.1", "ca", TestName = "Should_refuse_a_server_certificate_that_does_not_name_the_host")]
    public void Should_refuse_the_connection(string host, string authority)
    {
        var connectionString = ConnectionString(host, authority == "ca" ? certificates.CaFile : certificates.OtherCaFile);

        var refused = Assert.CatchAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
        });

        Assert.That(refused!.ToString(), Does.Contain("certificate").IgnoreCase);
    }

    private string ConnectionString(string host, string caFile) => string.Create(
        CultureInfo.InvariantCulture,
        $"Host={host};Port={server.Port};Username=postgres;Database=postgres;SSL Mode=VerifyFull;Root Certificate={caFile};Pooling=false");
}
