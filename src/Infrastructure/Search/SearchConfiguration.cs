using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;
using CleanRag.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Search;

public static class SearchConfiguration
{
    /// <summary>
    /// The embedded search engine (<see cref="LuceneSearchIndex"/>) as the singleton <see cref="ISearchIndex"/>,
    /// its indexes under <c>{Data:Directory}/indexes</c>. The container disposes it at shutdown.
    /// </summary>
    public static IServiceCollection AddEmbeddedSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new LuceneSearchIndex(DataDirectory.Resolve(configuration)));
        services.AddSingleton<ISearchIndex>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
