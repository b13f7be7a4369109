using CleanRag.Infrastructure.Health;
using Npgsql;

namespace CleanRag.Infrastructure.Tests.Health;

public class DependencyOutageDetectorTests
{
    private readonly DependencyOutageDetector _detector = new();

    [Test]
    public async Task A_database_that_refuses_connections_is_an_outage_even_when_wrapped()
    {
        await using var connection = new NpgsqlConnection("Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2");
        var refused = (await FluentActions.Awaiting(() => connection.OpenAsync()).Should().ThrowAsync<NpgsqlException>()).Which;

        _detector.FindUnavailableDependency(refused).Should().Be("database");
        _detector.FindUnavailableDependency(new InvalidOperationException("Marten failed", refused)).Should().Be("database");
    }

    [TestCase("57P01", TestName = "the server shutting down")]
    [TestCase("57P03", TestName = "the server starting up")]
    [TestCase("53300", TestName = "too many connections")]
    [TestCase("08006", TestName = "a connection failure")]
    public void A_server_state_that_a_retry_cures_is_an_outage(string sqlState) =>
        _detector.FindUnavailableDependency(new PostgresException("unavailable", "FATAL", "FATAL", sqlState)).Should().Be("database");

    [TestCase("23505", TestName = "a unique violation")]
    [TestCase("40001", TestName = "a serialization failure")]
    [TestCase("42P01", TestName = "an undefined table")]
    public void A_query_error_is_not_an_outage(string sqlState) =>
        _detector.FindUnavailableDependency(new PostgresException("error", "ERROR", "ERROR", sqlState)).Should().BeNull();

    [Test]
    public void A_bug_is_not_an_outage() =>
        _detector.FindUnavailableDependency(new NullReferenceException()).Should().BeNull();
}
