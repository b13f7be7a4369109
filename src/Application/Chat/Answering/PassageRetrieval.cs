using CleanRag.Application.Projects;
using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Conversations;
using Microsoft.Extensions.AI;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Finds the passages a question is answered from: rewrite it with the conversation's context → embed → hybrid
/// search → rerank → the project's relevance threshold.
/// </summary>
public sealed class PassageRetrieval(
    IQueryRewriter rewriter, IEmbeddingGenerator<string, Embedding<float>> embedder, ISearchIndex index, IReranker reranker)
{
    private const int CandidatePool = 50;

    public async Task<RetrievedPassages> RetrieveAsync(
        ProjectDetails project, string question, IReadOnlyList<Conversation.Turn> earlierTurns, VisitorPage? page, CancellationToken cancellationToken)
    {
        var history = earlierTurns.Select(t => new ConversationTurn(t.Question, t.Answer)).ToList();
        var query = await rewriter.RewriteAsync(question, history, page, cancellationToken);
        var embedding = (await embedder.GenerateAsync([query], EmbeddingInput.Queries(), cancellationToken))[0];
        var retrieval = project.Settings.Retrieval;
        var modelId = embedding.ModelId ?? embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;
        var fusion = FusionDefaults.For(retrieval.LexicalWeight, modelId);
        var candidates = await index.SearchAsync(
            new HybridQuery(new ProjectScope(project.CompanyId, project.Id), query, embedding.Vector, CandidatePool, fusion), cancellationToken);
        // A question nothing in the documents comes close to is off-topic, whatever words a passage happens to share with it.
        if (!SemanticFloor.Clears(modelId, candidates))
            return new RetrievedPassages(query, []);
        var reranked = await reranker.RerankAsync(query, candidates, retrieval.TopK, cancellationToken);
        // The project's threshold applies after fusion and rerank, never before.
        return new RetrievedPassages(query, reranked.Where(h => h.Score >= retrieval.MinimumRelevance).ToList());
    }
}
