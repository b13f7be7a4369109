using CleanRag.Application.Search.Rewriting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Application.Tests.Search.Rewriting;

public class ChatClientQueryRewriterTests
{
    private static readonly ConversationTurn[] History =
        [new("How much does the health insurance plan cost?", "It costs 45 euros per month.")];

    /// <summary>Answers with a fixed text or failure and records what it was asked.</summary>
    private sealed class ScriptedChatClient(Func<string> answer) : IChatClient
    {
        public List<ChatMessage> Received { get; } = [];

        public Task<ChatResponse> GetResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Received.AddRange(messages);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer())));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The rewriter does not stream.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    private static ChatClientQueryRewriter Rewriter(ScriptedChatClient chat) =>
        new(chat, new HeuristicQueryRewriter(), NullLogger<ChatClientQueryRewriter>.Instance);

    [Test]
    public async Task The_model_s_condensed_question_is_used_and_it_sees_the_conversation()
    {
        var chat = new ScriptedChatClient(() => "\"How much does the dental insurance plan cost?\"");

        var rewritten = await Rewriter(chat).RewriteAsync("what about dental?", History, page: null, CancellationToken.None);

        rewritten.Should().Be("How much does the dental insurance plan cost?");
        var prompt = chat.Received.Last().Text;
        prompt.Should().Contain("health insurance plan").And.Contain("45 euros").And.Contain("what about dental?");
    }

    [Test]
    public async Task A_failing_model_falls_back_to_the_heuristic_rewrite()
    {
        var chat = new ScriptedChatClient(() => throw new HttpRequestException("model down"));

        var rewritten = await Rewriter(chat).RewriteAsync("what about dental?", History, page: null, CancellationToken.None);

        rewritten.Should().Be(new HeuristicQueryRewriter().Rewrite("what about dental?", History));
        rewritten.Should().NotBe("what about dental?");
    }

    [Test]
    public async Task An_empty_answer_falls_back_to_the_heuristic_rewrite()
    {
        var chat = new ScriptedChatClient(() => "   ");

        var rewritten = await Rewriter(chat).RewriteAsync("what about dental?", History, page: null, CancellationToken.None);

        rewritten.Should().Contain("insurance");
    }

    [Test]
    public async Task Without_history_the_model_is_not_asked()
    {
        var chat = new ScriptedChatClient(() => "should not be used");

        var rewritten = await Rewriter(chat).RewriteAsync("what about dental?", [], page: null, CancellationToken.None);

        rewritten.Should().Be("what about dental?");
        chat.Received.Should().BeEmpty();
    }
}
