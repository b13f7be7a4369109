using CleanRag.Application.Documents.RestoreSearchIndex;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;
using CleanRag.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Search;

public static class SearchConfiguration
{
    /// <summary>
    /// The embedded search engine (<see cref="LuceneSearchIndex"/>) as the singleton <see cref="ISearchIndex"/>,
    /// its indexes under <c>{Data:Directory}/indexes</c>, committed every <c>Search:Lucene:CommitInterval</c> (default 1 s),
    /// answering a project's vector queries through an HNSW graph above <c>Search:Lucene:ApproximateVectorThreshold</c>
    /// vectors (default 100,000). The
    /// container disposes it at shutdown. Its files can be
    /// lost apart from the database, so it is checked against the documents at every start. Projects indexed with another
    /// embedding model than the configured one are re-embedded in the background (<see cref="ReembeddingService"/>).
    /// </summary>
    public static IServiceCollection AddEmbeddedSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => new LuceneSearchIndex(
            DataDirectory.Resolve(configuration), configuration.GetValue<TimeSpan?>("Search:Lucene:CommitInterval"),
            provider.GetService<ILogger<LuceneSearchIndex>>(),
            configuration.GetValue<int?>("Search:Lucene:ApproximateVectorThreshold")));
        services.AddSingleton<ISearchIndex>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        services.AddSingleton<ISearchIndexInventory>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        services.AddScoped<SearchIndexRestorer>();
        services.AddHostedService<SearchIndexRestoreService>();
        services.AddHostedService<ReembeddingService>();
        return services;
    }
}
