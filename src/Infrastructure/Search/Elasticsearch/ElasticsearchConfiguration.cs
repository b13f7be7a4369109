using System.Net.Http.Headers;
using System.Text;
using CleanRag.Application.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

public static class ElasticsearchConfiguration
{
    /// <summary>
    /// Registers the Elasticsearch <see cref="ISearchIndex"/>, configured from <c>Search:Elasticsearch</c>
    /// (Url, ApiKey or Username/Password, IndexPrefix, RequestTimeout, NumCandidatesFactor, ...).
    /// </summary>
    public static IServiceCollection AddElasticsearchSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ElasticsearchOptions>()
            .Bind(configuration.GetSection(ElasticsearchOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Search:Elasticsearch:RequestTimeout must be positive.")
            .Validate(o => o.ApiKey is not null || (o.Username is null) == (o.Password is null),
                "Search:Elasticsearch needs both Username and Password, or an ApiKey.")
            .ValidateOnStart();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
            return new ElasticsearchClient(CreateHttpClient(options), ElasticsearchResilience.CreatePipeline(options));
        });
        services.AddSingleton<ISearchIndex, ElasticsearchSearchIndex>();
        return services;
    }

    private static HttpClient CreateHttpClient(ElasticsearchOptions options)
    {
        // One long-lived client for the process; recycling pooled connections picks up DNS changes of the cluster.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.Url,
            // The per-attempt limit is the resilience pipeline's, so retries are not cut short by a global one.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(options.ApiKey))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        else if (options.Username is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        return http;
    }
}
