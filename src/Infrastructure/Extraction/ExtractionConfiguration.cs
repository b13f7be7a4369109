using CleanRag.Application.Documents.Ingestion;
using CleanRag.Infrastructure.Chunking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanRag.Infrastructure.Extraction;

public static class ExtractionConfiguration
{
    /// <summary>Text extraction for every supported format and the structure-aware chunker (all stateless singletons).</summary>
    public static IServiceCollection AddTextExtraction(this IServiceCollection services)
    {
        services.TryAddSingleton<ITextExtractor>(_ => new CompositeTextExtractor());
        services.TryAddSingleton<ITokenCounter>(_ => TiktokenTokenCounter.Cl100kBase);
        services.TryAddSingleton<IChunker, StructureAwareChunker>();
        return services;
    }
}
