using CleanRag.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI;

/// <summary>The OpenAI-compatible and Ollama adapters against a local fake server: request shape and parsing.</summary>
public class RemoteProviderTests
{
    private FakeModelServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FakeModelServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task OpenAI_compatible_embeddings_send_model_inputs_and_key_and_parse_the_vectors()
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "openai", _server.OpenAiEndpoint, "embed-model"));
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["first text", "second longer text"]);

        embeddings.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(
            [FakeModelServer.VectorFor("first text"), FakeModelServer.VectorFor("second longer text")],
            o => o.WithStrictOrdering());
        var request = _server.Requests.Single();
        request.Path.Should().Be("/v1/embeddings");
        request.Authorization.Should().Be("Bearer secret-key");
        ((string?)request.Body["model"]).Should().Be("embed-model");
        request.Body["input"]!.AsArray().Select(i => (string?)i).Should().Equal("first text", "second longer text");
    }

    [Test]
    public async Task OpenAI_compatible_chat_sends_the_messages_and_parses_the_answer()
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", "openai", _server.OpenAiEndpoint, "chat-model"));
        var client = services.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Say hello")]);

        response.Text.Should().Be("Hello from the fake");
        var request = _server.Requests.Single();
        request.Path.Should().Be("/v1/chat/completions");
        ((string?)request.Body["model"]).Should().Be("chat-model");
        var messages = request.Body["messages"]!.AsArray();
        messages.Select(m => (string?)m!["role"]).Should().Equal("system", "user");
        messages[1]!["content"]!.ToJsonString().Should().Contain("Say hello");
    }

    [Test]
    public async Task OpenAI_compatible_chat_streams_server_sent_events_update_by_update()
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", "openai", _server.OpenAiEndpoint));
        var client = services.GetRequiredService<IChatClient>();

        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello")]))
            if (!string.IsNullOrEmpty(update.Text))
                texts.Add(update.Text);

        texts.Should().Equal(FakeModelServer.DefaultWords);
        ((bool?)_server.Requests.Single().Body["stream"]).Should().BeTrue();
    }

    [Test]
    public async Task Ollama_embeddings_send_model_and_inputs_and_parse_the_vectors()
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", "ollama", _server.BaseAddress, "nomic-embed-text"));
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["one", "two words"]);

        embeddings.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo(
            [FakeModelServer.VectorFor("one"), FakeModelServer.VectorFor("two words")], o => o.WithStrictOrdering());
        var request = _server.Requests.Single();
        request.Path.Should().Be("/api/embed");
        ((string?)request.Body["model"]).Should().Be("nomic-embed-text");
    }

    [Test]
    public async Task Ollama_chat_answers_and_streams()
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", "ollama", _server.BaseAddress, "llama3.2"));
        var client = services.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Say hello")]);
        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello")]))
            if (!string.IsNullOrEmpty(update.Text))
                texts.Add(update.Text);

        response.Text.Should().Be("Hello from the fake");
        texts.Should().Equal(FakeModelServer.DefaultWords);
        _server.Requests.Should().AllSatisfy(r =>
        {
            r.Path.Should().Be("/api/chat");
            ((string?)r.Body["model"]).Should().Be("llama3.2");
        });
    }
}
