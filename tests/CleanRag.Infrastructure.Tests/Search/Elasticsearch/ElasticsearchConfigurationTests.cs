using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using Elastic.Transport;
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

    [Test]
    public void A_certificate_fingerprint_makes_the_transport_trust_the_cluster_certificate_it_names()
    {
        const string fingerprint = "A5:2B:9C:E1:07:3D:4F:88:12:6B:0E:F3:91:5A:C2:7D:44:19:BE:60:2F:D8:73:0A:E5:9B:C1:36:78:F2:0D:4E";
        var options = new ElasticsearchOptions { Url = new Uri("https://es.internal:9200"), CertificateFingerprint = fingerprint };

        ITransportConfiguration settings = ElasticsearchConfiguration.CreateClientSettings(options);

        settings.CertificateFingerprint.Should().Be(fingerprint);
    }

    [Test]
    public async Task An_api_key_is_sent_as_the_authorization_header_and_wins_over_a_password()
    {
        var testbed = new ElasticsearchTestbed(configure: options =>
        {
            options.ApiKey = "a2V5OnNlY3JldA==";
            options.Username = "elastic";
            options.Password = "changeme";
        }).WithExistingIndex();

        await testbed.SearchIndex.GetEmbeddingSpaceAsync(ElasticsearchTestbed.Scope, CancellationToken.None);

        testbed.Requests.Single().Authorization.Should().Be("ApiKey a2V5OnNlY3JldA==");
    }

    [Test]
    public async Task A_username_and_password_are_sent_as_basic_authentication()
    {
        var testbed = new ElasticsearchTestbed(configure: options =>
        {
            options.Username = "elastic";
            options.Password = "changeme";
        }).WithExistingIndex();

        await testbed.SearchIndex.GetEmbeddingSpaceAsync(ElasticsearchTestbed.Scope, CancellationToken.None);

        testbed.Requests.Single().Authorization.Should().Be($"Basic {Convert.ToBase64String("elastic:changeme"u8)}");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddElasticsearchSearch(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
