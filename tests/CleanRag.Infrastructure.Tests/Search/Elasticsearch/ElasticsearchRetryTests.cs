using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using static CleanRag.Infrastructure.Tests.Search.Elasticsearch.ElasticsearchTestbed;

namespace CleanRag.Infrastructure.Tests.Search.Elasticsearch;

public class ElasticsearchRetryTests
{
    [Test]
    public async Task A_429_is_retried_and_the_next_answer_is_used()
    {
        var testbed = new ElasticsearchTestbed().WithExistingIndex()
            .OnBulk(Status(HttpStatusCode.TooManyRequests, ElasticsearchResponses.TooManyRequests()), Ok(ElasticsearchResponses.BulkSucceeded(SpaceIndex, "x")));

        await testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1")], CancellationToken.None);

        var bulks = testbed.Requests.Where(r => r.Path.EndsWith("/_bulk", StringComparison.Ordinal)).ToList();
        bulks.Should().HaveCount(2);
        bulks[1].Body.Should().Be(bulks[0].Body, "each attempt resends the whole request");
    }

    [Test]
    public async Task A_429_with_retry_after_waits_as_long_as_elasticsearch_asks()
    {
        var tooManyRequests = Status(HttpStatusCode.TooManyRequests, ElasticsearchResponses.TooManyRequests());
        var testbed = new ElasticsearchTestbed()
            .OnMapping(
                async cancellationToken =>
                {
                    var response = await tooManyRequests(cancellationToken);
                    response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                    return response;
                },
                Ok(ElasticsearchResponses.Mapping(SpaceIndex, "m", 3)));
        var clock = Stopwatch.StartNew();

        await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        // The testbed's own back-off is zero, so the wait can only come from Retry-After.
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
        testbed.Requests.Should().HaveCount(2);
    }

    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Unavailable_nodes_are_retried(HttpStatusCode status)
    {
        var testbed = new ElasticsearchTestbed()
            .OnMapping(Status(status, "{}"), Ok(ElasticsearchResponses.Mapping(SpaceIndex, "m", 3)));

        var space = await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        space.Should().NotBeNull();
        testbed.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task A_connection_error_is_retried()
    {
        var testbed = new ElasticsearchTestbed()
            .OnMapping(
                RecordingElasticsearchHandler.Fail(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused))),
                Ok(ElasticsearchResponses.Mapping(SpaceIndex, "m", 3)));

        var space = await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        space.Should().NotBeNull();
        testbed.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task An_attempt_that_exceeds_the_request_timeout_is_abandoned_and_retried()
    {
        var testbed = new ElasticsearchTestbed(requestTimeout: TimeSpan.FromMilliseconds(200))
            .OnMapping(
                RecordingElasticsearchHandler.After(TimeSpan.FromMinutes(1), Ok(ElasticsearchResponses.Mapping(SpaceIndex, "slow", 3))),
                Ok(ElasticsearchResponses.Mapping(SpaceIndex, "m", 3)));

        var space = await testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        space.Should().Be(new EmbeddingSpace("m", 3));
        testbed.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task A_client_error_other_than_429_is_not_retried_and_raises_with_the_elasticsearch_error()
    {
        var testbed = new ElasticsearchTestbed()
            .WithoutIndexes()
            .OnCreateIndex(Status(HttpStatusCode.BadRequest, ElasticsearchResponses.MapperParsing()), Ok(ElasticsearchResponses.IndexCreated(SpaceIndex)));

        var upsert = () => testbed.SearchIndex.UpsertAsync(Scope, Space, [Chunk("c1")], CancellationToken.None);

        var thrown = await upsert.Should().ThrowAsync<ElasticsearchException>().WithMessage("*400 mapper_parsing_exception*");
        thrown.Which.ErrorType.Should().Be("mapper_parsing_exception");
        testbed.Requests.Count(r => r.Method == HttpMethod.Put).Should().Be(1);
    }

    [Test]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        var testbed = new ElasticsearchTestbed(maxRetryAttempts: 2)
            .OnMapping(Status(HttpStatusCode.ServiceUnavailable, """{"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"},"status":503}"""));

        var read = () => testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        await read.Should().ThrowAsync<ElasticsearchException>().WithMessage("*503 unavailable_shards_exception*");
        testbed.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task A_node_still_unreachable_after_the_retries_raises_with_the_connection_error()
    {
        var refused = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var testbed = new ElasticsearchTestbed(maxRetryAttempts: 2).OnMapping(RecordingElasticsearchHandler.Fail(refused));

        var read = () => testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        var thrown = await read.Should().ThrowAsync<ElasticsearchException>().WithMessage("*could not be reached*");
        thrown.Which.Status.Should().BeNull();
        thrown.Which.InnerException.Should().BeSameAs(refused);
        testbed.Requests.Should().HaveCount(3);
    }

    [Test]
    public async Task Attempts_that_all_time_out_raise_once_the_retries_are_spent()
    {
        var testbed = new ElasticsearchTestbed(maxRetryAttempts: 1, requestTimeout: TimeSpan.FromMilliseconds(100))
            .OnMapping(RecordingElasticsearchHandler.After(TimeSpan.FromMinutes(1), Ok(ElasticsearchResponses.Mapping(SpaceIndex, "slow", 3))));

        var read = () => testbed.SearchIndex.GetEmbeddingSpaceAsync(Scope, CancellationToken.None);

        await read.Should().ThrowAsync<ElasticsearchException>().WithMessage("*could not be reached*");
        testbed.Requests.Should().HaveCount(2);
    }
}
