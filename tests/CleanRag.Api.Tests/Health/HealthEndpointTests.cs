using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Health;

public class HealthEndpointTests
{
    [Test]
    public async Task Health_is_ok_with_the_database_and_broker_up()
    {
        using var client = ApiHost.Factory.CreateClient();

        // The bus connects to RabbitMQ in the background right after start-up.
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((response = await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(200);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("ok");
        body.GetProperty("service").GetString().Should().Be("cleanrag-api");
        body.GetProperty("timestamp").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        body.GetProperty("checks").GetProperty("database").GetString().Should().Be("ok");
        body.GetProperty("checks").GetProperty("broker").GetString().Should().Be("ok");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Health_names_the_embedding_model_new_documents_are_embedded_with()
    {
        using var client = ApiHost.Factory.CreateClient();
        var metadata = ApiHost.Factory.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()
            .GetService<EmbeddingGeneratorMetadata>()!;

        var body = await (await client.GetAsync("/health")).Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("embeddings").GetProperty("provider").GetString().Should().Be(metadata.ProviderName);
        body.GetProperty("embeddings").GetProperty("model").GetString().Should().Be(metadata.DefaultModelId).And.NotBeNullOrEmpty();
    }

    /// <summary>A second API instance pointed at a port where no PostgreSQL listens.</summary>
    private static CleanRagApiFactory WithoutDatabase() => new(builder => builder
        .UseSetting("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2")
        .UseSetting("Persistence:RunDaemon", "false")
        .UseSetting("Persistence:ApplyDatabaseChangesOnStartup", "false"));

    [Test]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        await using var factory = WithoutDatabase();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("unavailable");
        body.GetProperty("checks").GetProperty("database").GetString().Should().Be("down");
    }

    [Test]
    public async Task While_the_database_is_unreachable_the_instance_is_live_but_not_ready()
    {
        await using var factory = WithoutDatabase();
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("database").GetString().Should().Be("down");
        live.StatusCode.Should().Be(HttpStatusCode.OK, "a dependency outage must not get the instance restarted");
        (await live.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("ok");
    }

    [Test]
    public async Task A_request_during_a_database_outage_is_a_retriable_503_not_a_500()
    {
        await using var factory = WithoutDatabase();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = "ada@example.com", password = TestActors.Password });

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        body.GetProperty("error").GetString().Should().Be("The database is unavailable; try again shortly.");
        body.GetProperty("retryAfter").GetInt32().Should().BePositive();
        response.Headers.RetryAfter!.Delta.Should().BePositive();
    }
}
