using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CleanRag.Application.Chat;
using CleanRag.Application.Search.Reranking;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Chat;

/// <summary>
/// The default generator, for deployments without a language model (none can be obtained here):
/// composes the answer from the sentences of the numbered context passages that best support the
/// question, each cited as [n], and streams it word by word like an LLM. It copies sentences verbatim
/// and never writes one the documents do not contain; with no supported sentence it says so.
/// </summary>
public sealed partial class ExtractiveChatClient : IChatClient
{
    public const string ModelId = "cleanrag-extractive-v1";
    public const string NotFoundAnswer = "I couldn't find that in the documents.";

    private const int MaxSentences = 3;
    private const double MinimumSupport = 0.25;

    /// <summary>A sentence must be nearly as well supported as the best one, which keeps answers to the point.</summary>
    private const double RelativeSupport = 0.6;

    private readonly ChatClientMetadata _metadata = new("cleanrag-extractive", null, ModelId);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var system = string.Join("\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var answer = Compose(question, GroundedPrompt.ReadPassages(system));

        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ModelId = ModelId };
        }

        var usage = new UsageDetails
        {
            InputTokenCount = SearchTerms.CountWords(system) + SearchTerms.CountWords(question), OutputTokenCount = words.Length,
        };
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(usage)]) { ModelId = ModelId };
        await Task.CompletedTask;
    }

    /// <summary>The best-supported sentences, highest support first, each with its passage's citation.</summary>
    public static string Compose(string question, IReadOnlyList<(int Number, string Text)> passages)
    {
        // The reranker's analysis (stop words dropped, light stemming), so both judge relevance alike.
        var questionTerms = SearchTerms.Analyse(question).Distinct().ToList();
        if (questionTerms.Count == 0 || passages.Count == 0)
            return NotFoundAnswer;

        var sentences = passages
            .SelectMany(p => Sentences(p.Text).Select(s => (p.Number, Text: s, Terms: SearchTerms.Analyse(s).ToHashSet())))
            .Where(s => s.Terms.Count > 0)
            .ToList();

        // Rarer question terms weigh more: idf over the candidate sentences.
        var weights = questionTerms.ToDictionary(t => t,
            t => Math.Log(1 + (double)sentences.Count / (1 + sentences.Count(s => s.Terms.Contains(t)))));
        var total = weights.Values.Sum();

        var scored = sentences
            .Select(s => (s.Number, s.Text,
                Support: weights.Where(w => s.Terms.Contains(w.Key)).Sum(w => w.Value) / total * (1 - 0.03 * (s.Number - 1))))
            .ToList();
        var best = scored.Count == 0 ? 0 : scored.Max(s => s.Support);
        var chosen = scored
            .Where(s => s.Support >= Math.Max(MinimumSupport, RelativeSupport * best))
            .OrderByDescending(s => s.Support)
            .DistinctBy(s => s.Text)
            .Take(MaxSentences)
            .ToList();
        if (chosen.Count == 0)
            return NotFoundAnswer;

        var answer = new StringBuilder();
        foreach (var sentence in chosen)
        {
            if (answer.Length > 0)
                answer.Append(' ');
            answer.Append(sentence.Text.TrimEnd()).Append(" [").Append(sentence.Number).Append(']');
        }
        return answer.ToString();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    internal static IEnumerable<string> Sentences(string text) =>
        SentenceBoundary().Split(text).Select(s => s.Trim()).Where(s => s.Length >= 12);

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""'(])")]
    private static partial Regex SentenceBoundary();
}
