using System.Collections.Concurrent;
using CleanRag.Application.Projects;
using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Finds the passages a question is answered from: rewrite it with the conversation's context → embed → hybrid
/// search → rerank → the project's relevance threshold. The query is embedded by the model of the space the project's
/// live index holds, which is not the configured one while the project is re-embedded.
/// </summary>
public sealed partial class PassageRetrieval(
    IQueryRewriter rewriter, IEmbeddingModels models, ISearchIndex index, IReranker reranker, ILogger<PassageRetrieval> logger)
{
    // Projects whose index's model this installation cannot run, warned about once each.
    private static readonly ConcurrentDictionary<(Guid ProjectId, string ModelId), bool> Unavailable = new();

    private const int CandidatePool = 50;

    public async Task<RetrievedPassages> RetrieveAsync(
        ProjectDetails project, string question, IReadOnlyList<Conversation.Turn> earlierTurns, VisitorPage? page, CancellationToken cancellationToken)
    {
        var history = earlierTurns.Select(t => new ConversationTurn(t.Question, t.Answer)).ToList();
        var query = await rewriter.RewriteAsync(question, history, page, cancellationToken);
        var scope = new ProjectScope(project.CompanyId, project.Id);
        var space = await index.GetEmbeddingSpaceAsync(scope, cancellationToken);
        var embedder = space is null ? models.Active : models.Find(space.ModelId);
        var (vector, modelId) = (ReadOnlyMemory<float>.Empty, space?.ModelId);
        if (embedder is not null)
        {
            var embedding = (await embedder.GenerateAsync([query], EmbeddingInput.Queries(), cancellationToken))[0];
            (vector, modelId) = (embedding.Vector, embedding.ModelId ?? embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        }
        else if (Unavailable.TryAdd((project.Id, space!.ModelId), true))
        {
            LogModelUnavailable(project.Id, space.ModelId);
        }
        var retrieval = project.Settings.Retrieval;
        var fusion = FusionDefaults.For(retrieval.LexicalWeight, modelId);
        var candidates = await index.SearchAsync(new HybridQuery(scope, query, vector, CandidatePool, fusion), cancellationToken);
        // A question nothing in the documents comes close to is off-topic, whatever words a passage happens to share with it
        // (judged only when the question was embedded: searched by words alone, no candidate has a vector score).
        if (!vector.IsEmpty && !SemanticFloor.Clears(modelId, candidates))
            return new RetrievedPassages(query, []);
        var reranked = await reranker.RerankAsync(query, candidates, retrieval.TopK, cancellationToken);
        // The project's threshold applies after fusion and rerank, never before.
        return new RetrievedPassages(query, reranked.Where(h => h.Score >= retrieval.MinimumRelevance).ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Project {ProjectId}'s index is in the space of {ModelId}, which this installation cannot run: it is searched by words only until it is re-embedded")]
    private partial void LogModelUnavailable(Guid projectId, string modelId);
}
