using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Evaluation.SuggestTestPrompts;

/// <summary>
/// Reads the text of the project's indexed documents from their stored files (the same blobs and extractor ingestion uses, so
/// pages and headings are the ones citations show) and proposes prompts from them, a few documents at most per request.
/// </summary>
public sealed class SuggestTestPromptsQueryHandler(IReadStore readStore, IBlobStore blobs, ITextExtractor extractor, IRequestContext context)
    : IQueryHandler<SuggestTestPromptsQuery, IReadOnlyList<SuggestedTestPrompt>>
{
    /// <summary>Extracting a file costs time (a long PDF: seconds); suggestions come from the first documents by name.</summary>
    private const int MaxDocumentsRead = 10;

    public async ValueTask<IReadOnlyList<SuggestedTestPrompt>> Handle(SuggestTestPromptsQuery query, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(query.ProjectId, cancellationToken);
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == query.ProjectId && d.Status == DocumentStatus.Indexed).OrderBy(d => d.FileName).ThenBy(d => d.Id)
                .Take(MaxDocumentsRead),
            cancellationToken);

        var texts = new List<(DocumentDetails Document, ExtractedDocument Text)>();
        foreach (var document in documents.Where(d => d.ContentHash is not null))
        {
            await using var content = blobs.Open(context.TenantId, document.ContentHash!);
            if (content is null)
                continue;
            try
            {
                texts.Add((document, await extractor.ExtractAsync(content, document.FileName, document.ContentType, cancellationToken)));
            }
            catch (ExtractionFailedException)
            {
                // Indexed once, unreadable now (a changed extractor): nothing to propose from it.
            }
        }
        return TestPromptSuggester.Suggest(texts.Select(t => new SuggestionSource(t.Document.Id, t.Document.FileName, t.Text)).ToList(), query.Limit);
    }
}
