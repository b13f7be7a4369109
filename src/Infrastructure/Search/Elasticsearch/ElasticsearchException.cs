using System.Net;
using Elastic.Transport.Products.Elasticsearch;

namespace CleanRag.Infrastructure.Search.Elasticsearch;

/// <summary>
/// Elasticsearch refused a request (<see cref="Status"/> and its <c>error.type</c> in <see cref="ErrorType"/>),
/// or could not be reached at all (no status; the transport's exception is the inner one).
/// </summary>
public class ElasticsearchException(HttpStatusCode? status, string? errorType, string reason, Exception? innerException = null)
    : Exception(status is null ? $"Elasticsearch could not be reached: {reason}" : $"Elasticsearch answered {(int)status} {errorType}: {reason}", innerException)
{
    internal const string IndexNotFound = "index_not_found_exception";
    internal const string ResourceAlreadyExists = "resource_already_exists_exception";
    internal const string AliasesNotFound = "aliases_not_found_exception";

    public HttpStatusCode? Status { get; } = status;
    public string? ErrorType { get; } = errorType;

    /// <summary>The failure an invalid response stands for: Elasticsearch's error body when it sent one.</summary>
    internal static ElasticsearchException From(ElasticsearchResponse response)
    {
        var details = response.ApiCallDetails;
        var error = response.ElasticsearchServerError?.Error;
        var status = details.HttpStatusCode is { } code ? (HttpStatusCode)code : (HttpStatusCode?)null;
        var reason = error?.Reason ?? details.OriginalException?.Message ?? "no error body";
        return new ElasticsearchException(status, error?.Type, reason, details.OriginalException);
    }
}

/// <summary>Some items of a bulk request failed; the others were indexed.</summary>
public sealed class ElasticsearchBulkException : ElasticsearchException
{
    internal ElasticsearchBulkException(int itemCount, IReadOnlyList<BulkItemFailure> failures)
        : base(HttpStatusCode.OK, failures[0].ErrorType, Describe(itemCount, failures)) =>
        FailedIds = failures.Select(f => f.Id ?? "").ToList();

    public IReadOnlyList<string> FailedIds { get; }

    private static string Describe(int itemCount, IReadOnlyList<BulkItemFailure> failures) =>
        $"{failures.Count} of {itemCount} bulk items failed; first: {failures[0].Id} ({failures[0].Status}) {failures[0].Reason}";
}

/// <summary>
/// The project's writes are held: a promotion (re-embedding), on this API instance or another, has removed the project's
/// write alias while it compares the staged and live chunks and swaps the aliases. Transient: the same write, tried again a
/// moment later (the bus redelivers the event), goes to the index the promotion left live. Nothing was written.
/// </summary>
public sealed class ElasticsearchWritesFencedException(Guid projectId, Exception? innerException = null) : ElasticsearchException(
    HttpStatusCode.NotFound, IndexNotFound,
    $"the writes of project {projectId} are held while a promotion swaps its index (re-embedding); retry them", innerException)
{
    public Guid ProjectId { get; } = projectId;
}

internal sealed record BulkItemFailure(string? Id, int Status, string? ErrorType, string? Reason);

internal static class ElasticsearchResponseExtensions
{
    public static T EnsureValid<T>(this T response) where T : ElasticsearchResponse =>
        response.IsValidResponse ? response : throw ElasticsearchException.From(response);

    public static bool FailedWith(this ElasticsearchResponse response, string errorType) =>
        !response.IsValidResponse && response.ElasticsearchServerError?.Error?.Type == errorType;
}
