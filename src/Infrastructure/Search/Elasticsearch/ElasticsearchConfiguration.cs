using System.Text.Json;
using System.Text.Json.Serialization;
using CleanRag.Application.Search;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

public static class ElasticsearchConfiguration
{
    /// <summary>
    /// Registers the Elasticsearch <see cref="ISearchIndex"/>, configured from <c>Search:Elasticsearch</c>
    /// (Url, ApiKey or Username/Password, CertificateFingerprint, IndexPrefix, RequestTimeout, NumCandidatesFactor, ...),
    /// and the background re-embedding (<see cref="ReembeddingService"/>).
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

        // One client for the process: it keeps its connections, recycling them so DNS changes of the cluster are picked up.
        services.AddSingleton(provider =>
            new ElasticsearchClient(CreateClientSettings(provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value)));
        services.AddSingleton<ISearchIndex, ElasticsearchSearchIndex>();
        // Projects indexed with another embedding model than the configured one move to it in the background, as on Lucene.
        services.AddHostedService<ReembeddingService>();
        return services;
    }

    /// <summary>
    /// The official client's settings for <paramref name="options"/>. Requests go out through the transport's own
    /// HTTP handler (TLS, certificate fingerprint, compression), or through <paramref name="network"/> when given
    /// (the contract tests' recorded node), in both cases under the retry handler.
    /// </summary>
    internal static ElasticsearchClientSettings CreateClientSettings(ElasticsearchOptions options, HttpMessageHandler? network = null)
    {
        var resilience = ElasticsearchResilience.CreatePipeline(options);
        var invoker = new HttpRequestInvoker((transportHandler, _) => new RetryingHandler(resilience, network ?? transportHandler));
        // A single-node pool: the transport itself never retries, so each retry is the retry handler's, per HTTP attempt.
        var settings = new ElasticsearchClientSettings(new SingleNodePool(options.Url!), invoker, UseSnakeCaseSources)
            .RequestTimeout(ElasticsearchResilience.OverallTimeout(options));
        if (!string.IsNullOrEmpty(options.ApiKey))
            settings.Authentication(new ApiKey(options.ApiKey));
        else if (options.Username is not null)
            settings.Authentication(new BasicAuthentication(options.Username, options.Password!));
        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
            settings.CertificateFingerprint(options.CertificateFingerprint);
        return settings;
    }

    /// <summary>Chunk documents are written and read with snake_case field names; absent citation fields are left out.</summary>
    private static Serializer UseSnakeCaseSources(Serializer _, IElasticsearchClientSettings settings) =>
        new DefaultSourceSerializer(settings, json =>
        {
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
}
