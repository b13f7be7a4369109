using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

public class ElasticsearchConfigurationTests
{
    [Test]
    public void The_search_index_is_configured_from_the_Search_Elasticsearch_section()
    {
        using var provider = Build(new()
        {
            ["Search:Elasticsearch:Url"] = "https://es.internal:9200",
            ["Search:Elasticsearch:ApiKey"] = "a2V5OnNlY3JldA==",
            ["Search:Elasticsearch:IndexPrefix"] = "acme-chunks",
            ["Search:Elasticsearch:RequestTimeout"] = "00:00:05",
            ["Search:Elasticsearch:NumCandidatesFactor"] = "3",
        });

        provider.GetRequiredService<ISearchIndex>().Should().BeOfType<ElasticsearchSearchIndex>();
        var options = provider.GetRequiredService<IOptions<ElasticsearchOptions>>().Value;
        options.Url.Should().Be(new Uri("https://es.internal:9200"));
        options.IndexPrefix.Should().Be("acme-chunks");
        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.NumCandidatesFactor.Should().Be(3);
    }

    [Test]
    public void A_missing_url_or_a_num_candidates_factor_below_one_and_a_half_is_refused()
    {
        using var withoutUrl = Build(new() { ["Search:Elasticsearch:ApiKey"] = "k" });
        using var lowFactor = Build(new() { ["Search:Elasticsearch:Url"] = "http://es:9200", ["Search:Elasticsearch:NumCandidatesFactor"] = "1.2" });

        FluentActions.Invoking(() => withoutUrl.GetRequiredService<IOptions<ElasticsearchOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("*Url*");
        FluentActions.Invoking(() => lowFactor.GetRequiredService<IOptions<ElasticsearchOptions>>().Value)
            .Should().Throw<OptionsValidationException>().WithMessage("*NumCandidatesFactor*");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddElasticsearchSearch(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
