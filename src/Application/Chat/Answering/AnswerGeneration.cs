using CleanRag.Application.Search;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.AI;

namespace CleanRag.Application.Chat.Answering;

/// <summary>The grounded generation: the project's system prompt and the rules over the numbered passages, streamed.</summary>
public sealed class AnswerGeneration(IChatClient generator)
{
    public GeneratedAnswer Generate(ProjectSettings settings, IReadOnlyList<SearchHit> passages, string question, VisitorPage? page) =>
        new(generator, GroundedPrompt.Build(settings.SystemPrompt, passages, question, page), new ChatOptions { ModelId = settings.Model },
            generator.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown");
}
