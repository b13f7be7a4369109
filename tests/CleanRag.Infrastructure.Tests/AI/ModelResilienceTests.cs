using CleanRag.Testing;
using System.Diagnostics;
using CleanRag.Application.Common.Exceptions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CleanRag.Infrastructure.Tests.AI;

/// <summary>Retry, timeout and circuit breaker of the remote providers, against a local fake server.</summary>
public class ModelResilienceTests
{
    private FakeModelServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FakeModelServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private IEmbeddingGenerator<string, Embedding<float>> OpenAiEmbeddings(ServiceProvider services) =>
        services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    [Test]
    public async Task Two_503_answers_are_retried_and_the_third_call_succeeds()
    {
        _server.FailWith = call => call <= 2 ? 503 : null;
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint));

        var embeddings = await OpenAiEmbeddings(services).GenerateAsync(["text"]);

        embeddings.Should().ContainSingle();
        _server.Calls.Should().Be(3);
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(502)]
    public async Task Transient_statuses_are_retried(int status)
    {
        _server.FailWith = call => call == 1 ? status : null;
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "ollama", _server.BaseAddress));

        await OpenAiEmbeddings(services).GenerateAsync(["text"]);

        _server.Calls.Should().Be(2);
    }

    [Test]
    public async Task A_server_that_always_fails_surfaces_as_an_upstream_failure_after_the_configured_attempts()
    {
        _server.FailWith = _ => 500;
        var settings = AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint);
        settings["AI:Embeddings:Remote:Resilience:MaxRetryAttempts"] = "2";
        using var services = AiTestHost.Build(settings);

        var act = () => OpenAiEmbeddings(services).GenerateAsync(["text"]);

        var failure = (await act.Should().ThrowAsync<UpstreamModelException>()).Which;
        failure.Code.Should().Be("upstream_failed");
        _server.Calls.Should().Be(3);
    }

    [Test]
    public async Task A_client_error_is_not_retried()
    {
        _server.FailWith = _ => 400;
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint));

        var act = () => OpenAiEmbeddings(services).GenerateAsync(["text"]);

        await act.Should().ThrowAsync<UpstreamModelException>();
        _server.Calls.Should().Be(1);
    }

    [Test]
    public async Task A_server_slower_than_the_total_timeout_surfaces_as_an_upstream_failure_in_time()
    {
        _server.Delay = _ => TimeSpan.FromSeconds(30);
        var settings = AiTestHost.Remote("Chat", "openai", _server.OpenAiEndpoint);
        settings["AI:Chat:Remote:Resilience:AttemptTimeout"] = "00:00:00.300";
        // A budget of ten attempts' time, so a second attempt fits even on a loaded machine.
        settings["AI:Chat:Remote:Resilience:TotalTimeout"] = "00:00:03";
        settings["AI:Chat:Remote:Resilience:MaxRetryAttempts"] = "10";
        using var services = AiTestHost.Build(settings);
        var client = services.GetRequiredService<IChatClient>();
        var clock = Stopwatch.StartNew();

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]);

        var failure = (await act.Should().ThrowAsync<UpstreamModelException>()).Which;
        failure.Cause.Should().BeOfType<TimeoutRejectedException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the total budget ends the call, not the server's 30 s");
        _server.Calls.Should().BeGreaterThan(1, "each timed-out attempt is retried until the total budget is spent");
    }

    [Test]
    public async Task The_circuit_opens_after_repeated_failures_and_later_calls_fail_without_reaching_the_server()
    {
        _server.FailWith = _ => 503;
        var settings = AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint);
        settings["AI:Embeddings:Remote:Resilience:MaxRetryAttempts"] = "0";
        settings["AI:Embeddings:Remote:Resilience:MinimumThroughput"] = "3";
        settings["AI:Embeddings:Remote:Resilience:FailureRatio"] = "1";
        settings["AI:Embeddings:Remote:Resilience:BreakDuration"] = "00:01:00";
        using var services = AiTestHost.Build(settings);
        var generator = OpenAiEmbeddings(services);

        for (var i = 0; i < 3; i++)
            await FluentActions.Awaiting(() => generator.GenerateAsync(["text"])).Should().ThrowAsync<UpstreamModelException>();
        var callsWhenOpened = _server.Calls;
        var act = () => generator.GenerateAsync(["text"]);

        var failure = (await act.Should().ThrowAsync<UpstreamModelException>()).Which;
        failure.Cause.Should().BeAssignableTo<BrokenCircuitException>();
        callsWhenOpened.Should().Be(3);
        _server.Calls.Should().Be(3);
    }

    [Test]
    public async Task A_stream_that_fails_before_its_first_update_is_retried()
    {
        _server.FailWith = call => call == 1 ? 503 : null;
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", "openai", _server.OpenAiEndpoint));
        var client = services.GetRequiredService<IChatClient>();

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello")]))
            text += update.Text;

        text.Should().Be(string.Concat(FakeModelServer.DefaultWords));
        _server.Calls.Should().Be(2);
    }

    [TestCase("openai")]
    [TestCase("ollama")]
    public async Task A_stream_that_breaks_after_its_first_update_is_not_retried(string provider)
    {
        _server.AbortStreamAfter = 2;
        var endpoint = provider == "openai" ? _server.OpenAiEndpoint : _server.BaseAddress;
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", provider, endpoint));
        var client = services.GetRequiredService<IChatClient>();

        var received = new List<string>();
        var act = async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello")]))
                if (!string.IsNullOrEmpty(update.Text))
                    received.Add(update.Text);
        };

        await act.Should().ThrowAsync<UpstreamModelException>();
        received.Should().Equal(FakeModelServer.DefaultWords.Take(2));
        _server.Calls.Should().Be(1);
    }

    [Test]
    public async Task Cancellation_by_the_caller_is_not_reported_as_an_upstream_failure()
    {
        _server.Delay = _ => TimeSpan.FromSeconds(30);
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => OpenAiEmbeddings(services).GenerateAsync(["text"], cancellationToken: cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        _server.Calls.Should().Be(1);
    }
}
