using CleanRag.Infrastructure.Persistence;
using Npgsql;

namespace CleanRag.Infrastructure.Tests.Persistence;

public class PostgresConnectionStringTests
{
    [Test]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var configured = new NpgsqlConnectionStringBuilder(
            PostgresConnectionString.WithDefaults("Host=db;Port=5433;Database=cleanrag;Username=app;Password=secret"));

        configured.MaxAutoPrepare.Should().Be(PostgresConnectionString.DefaultMaxAutoPrepare);
        configured.Should().Match<NpgsqlConnectionStringBuilder>(b =>
            b.Host == "db" && b.Port == 5433 && b.Database == "cleanrag" && b.Username == "app" && b.Password == "secret");
    }

    [TestCase(0, "Max Auto Prepare")]
    [TestCase(10, "Max Auto Prepare")]
    [TestCase(12, "maxautoprepare")]
    public void A_configured_number_of_prepared_statements_is_kept(int configured, string setting)
    {
        var connectionString = PostgresConnectionString.WithDefaults($"Host=db;{setting}={configured}");

        new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare.Should().Be(configured);
    }
}
