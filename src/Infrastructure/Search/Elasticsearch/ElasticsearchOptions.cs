using System.ComponentModel.DataAnnotations;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>Settings of the Elasticsearch search engine, bound from <c>Search:Elasticsearch</c>.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Search:Elasticsearch";

    /// <summary>Base address of the cluster, e.g. <c>https://localhost:9200</c>.</summary>
    [Required]
    public Uri? Url { get; set; }

    /// <summary>Encoded API key (the <c>encoded</c> value of the create-API-key response); takes precedence over a password.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// SHA-256 fingerprint of the cluster's CA (or node) certificate, as Elasticsearch prints it at first start; when set,
    /// an https cluster with a self-signed certificate is trusted by that fingerprint.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Start of every index and alias name; one index per tenant follows it.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_-]*$", ErrorMessage = "Index names must be lower case, without spaces or special characters.")]
    public string IndexPrefix { get; set; } = "cleanrag-chunks";

    /// <summary>Time limit of one HTTP attempt; a timed-out attempt is retried like a connection error.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>num_candidates of a kNN search = k times this factor (at least 100): more candidates, better recall, slower.</summary>
    [Range(1.5, 100)]
    public double NumCandidatesFactor { get; set; } = 2;

    /// <summary>Boost of a title match relative to a text match in the BM25 query.</summary>
    [Range(0, 100)]
    public double TitleBoost { get; set; } = 2;

    /// <summary>Retries after the first attempt on 429/502/503/504, connection errors and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential, jittered back-off between retries.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
