using System.Text;
using Microsoft.Extensions.AI;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// One generation: enumerating it streams the answer's text as the model writes it (so the visitor sees tokens at
/// once); afterwards it holds the whole text, the model that wrote it and the tokens it used.
/// </summary>
public sealed class GeneratedAnswer(IChatClient generator, List<ChatMessage> prompt, ChatOptions options, string defaultModel)
    : IAsyncEnumerable<string>
{
    private readonly StringBuilder _text = new();
    private UsageDetails? _usage;

    public string Text => _text.ToString().Trim();
    public string Model { get; private set; } = defaultModel;
    public int PromptTokens => (int)(_usage?.InputTokenCount ?? 0);
    public int CompletionTokens => (int)(_usage?.OutputTokenCount ?? 0);

    public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var update in generator.GetStreamingResponseAsync(prompt, options, cancellationToken).WithCancellation(cancellationToken))
        {
            Model = update.ModelId ?? Model;
            _usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? _usage;
            if (!string.IsNullOrEmpty(update.Text))
            {
                _text.Append(update.Text);
                yield return update.Text;
            }
        }
    }
}
