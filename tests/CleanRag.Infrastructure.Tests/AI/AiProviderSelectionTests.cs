using CleanRag.Infrastructure.AI.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI;

public class AiProviderSelectionTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/v1");

    [Test]
    public void Without_configuration_no_chat_client_is_registered()
    {
        using var services = AiTestHost.Build([]);

        services.GetService<IChatClient>().Should().BeNull();
    }

    [Test]
    public void The_hashing_provider_is_the_generator_the_composition_root_passes_in()
    {
        using var services = AiTestHost.Build(new() { ["AI:Embeddings:Provider"] = "hashing" });

        services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()
            .Should().BeOfType<AiTestHost.HashingEmbeddingGenerator>();
    }

    [Test]
    public void The_extractive_chat_provider_registers_no_chat_client()
    {
        using var services = AiTestHost.Build(new() { ["AI:Chat:Provider"] = "extractive" });

        services.GetService<IChatClient>().Should().BeNull();
    }

    [TestCase("openai", "openai")]
    [TestCase("OpenAI", "openai")]
    [TestCase("ollama", "ollama")]
    public void A_remote_embedding_provider_is_registered_behind_the_resilience_decorator_and_traced(string provider, string providerName)
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Embeddings", provider, Endpoint, "embed-model"));

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        generator.Should().BeOfType<OpenTelemetryEmbeddingGenerator<string, Embedding<float>>>("every call is traced");
        generator.GetService<ResilientEmbeddingGenerator>().Should().NotBeNull("retries, timeouts and the breaker sit inside the span");
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
        metadata.ProviderName.Should().Be(providerName);
        metadata.DefaultModelId.Should().Be("embed-model");
    }

    [TestCase("openai", "openai")]
    [TestCase("ollama", "ollama")]
    public void A_remote_chat_provider_registers_a_resilient_traced_chat_client(string provider, string providerName)
    {
        using var services = AiTestHost.Build(AiTestHost.Remote("Chat", provider, Endpoint, "chat-model"));

        var client = services.GetRequiredService<IChatClient>();

        client.Should().BeOfType<OpenTelemetryChatClient>("every call is traced");
        client.GetService<ResilientChatClient>().Should().NotBeNull("retries, timeouts and the breaker sit inside the span");
        var metadata = client.GetService<ChatClientMetadata>()!;
        metadata.ProviderName.Should().Be(providerName);
        metadata.DefaultModelId.Should().Be("chat-model");
    }

    [Test]
    public void An_unknown_provider_is_refused_when_the_services_are_configured()
    {
        var act = () => AiTestHost.Build(new() { ["AI:Embeddings:Provider"] = "magic" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*AI:Embeddings:Provider*magic*");
    }

    [Test]
    public void A_remote_provider_without_a_model_name_is_refused_on_first_use()
    {
        var settings = AiTestHost.Remote("Chat", "openai", Endpoint, model: "");
        using var services = AiTestHost.Build(settings);

        var act = () => services.GetRequiredService<IChatClient>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*AI:Chat:Remote:Model*");
    }
}
