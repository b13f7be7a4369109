using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Search;

/// <summary>Where embedded engines keep their files (config section <c>Data</c>).</summary>
public sealed class DataStorageOptions
{
    public const string Section = "Data";

    /// <summary><c>Data:Directory</c>; relative paths are resolved against the content root.</summary>
    public string Directory { get; set; } = ".data";
}

public static class SearchConfiguration
{
    /// <summary>
    /// The embedded search engine (<see cref="LuceneSearchIndex"/>) as the singleton <see cref="ISearchIndex"/>,
    /// its indexes under <c>{Data:Directory}/indexes</c>. The container disposes it at shutdown.
    /// </summary>
    public static IServiceCollection AddEmbeddedSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataStorageOptions>(configuration.GetSection(DataStorageOptions.Section));
        services.AddSingleton(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<DataStorageOptions>>().Value.Directory;
            var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory();
            return new LuceneSearchIndex(Path.Combine(contentRoot, configured));
        });
        services.AddSingleton<ISearchIndex>(provider => provider.GetRequiredService<LuceneSearchIndex>());
        return services;
    }
}
