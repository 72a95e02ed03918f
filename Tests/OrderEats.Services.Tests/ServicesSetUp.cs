using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests;

/// <summary>Stops the PostgreSQL server after the last fixture, if one was started.</summary>
[SetUpFixture]
public sealed class ServicesSetUp
{
    [OneTimeTearDown]
    public Task StopPostgres() => Postgres.Stop();
}
