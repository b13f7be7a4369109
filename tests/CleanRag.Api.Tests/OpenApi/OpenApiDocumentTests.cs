using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json is complete enough for a generated client to call every route: typed
/// successes, the error shape on every declared error, and the credential each route needs.
/// </summary>
public class OpenApiDocumentTests
{
    /// <summary>Routes anyone may call: sign-up and log-in, tooling config, health, the widget, and signed links (the token authorizes).</summary>
    private static readonly string[] PublicOperations =
    [
        "POST /v1/auth/signup", "POST /v1/auth/login", "POST /v1/auth/refresh", "GET /config", "GET /health", "GET /health/ready", "GET /health/live",
        "POST /v1/auth/logout", "POST /v1/auth/password-reset", "POST /v1/auth/password-reset/confirm",
        "POST /api/chat", "POST /api/chat/feedback", "PUT /v1/uploads/{token}", "GET /v1/files/{token}",
        "GET /widget.js", "GET /api/widget/config", "GET /v1/widget/{projectId}/config", "GET /widget-preview/{token}",
        "GET /api/widget/messages", "POST /api/widget/feedback", "POST /api/widget/escalate",
    ];

    private static readonly string[] ApiKeyOperations = ["POST /v1/chat", "POST /v1/chat/feedback"];

    /// <summary>Dashboard routes a project's API key may call too (the programmatic API).</summary>
    private static readonly string[] UserOrApiKeyOperations =
    [
        "GET /v1/projects", "GET /v1/projects/{id}", "GET /v1/projects/{id}/overview", "GET /v1/projects/{id}/embedding",
        "GET /v1/projects/{projectId}/documents", "POST /v1/projects/{projectId}/documents", "POST /v1/projects/{projectId}/documents/sync",
        "POST /v1/projects/{projectId}/documents/upload-url", "POST /v1/projects/{projectId}/documents/bulk-upload-url",
        "POST /v1/projects/{projectId}/documents/{documentId}/confirm", "POST /v1/projects/{projectId}/documents/{documentId}/replace-url",
        "GET /v1/projects/{projectId}/documents/{documentId}/versions", "GET /v1/projects/{projectId}/documents/{documentId}/preview-url",
        "GET /v1/projects/{projectId}/conversations", "GET /v1/projects/{projectId}/conversations/{conversationId}",
        "GET /v1/projects/{projectId}/conversations/{conversationId}/events",
        "GET /v1/conversations", "GET /v1/conversations/{conversationId}",
        "GET /v1/leads", "GET /v1/leads/{leadId}", "POST /v1/leads",
        "GET /v1/analytics/summary", "GET /v1/projects/{id}/knowledge-gaps",
    ];

    /// <summary>The health report is the body of its 503 too: monitors read which check is down.</summary>
    private static readonly string[] HealthUnavailable = ["GET /health 503", "GET /health/ready 503"];

    private JsonElement _document;

    [OneTimeSetUp]
    public async Task ReadTheDocument()
    {
        using var client = ApiHost.Factory.CreateClient();
        _document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    [Test]
    public void It_declares_the_dashboard_token_and_the_api_key_as_security_schemes()
    {
        var schemes = _document.GetProperty("components").GetProperty("securitySchemes");

        var bearer = schemes.GetProperty("bearer");
        bearer.GetProperty("type").GetString().Should().Be("http");
        bearer.GetProperty("scheme").GetString().Should().Be("bearer");
        bearer.GetProperty("bearerFormat").GetString().Should().Be("JWT");
        var apiKey = schemes.GetProperty("apiKey");
        apiKey.GetProperty("type").GetString().Should().Be("apiKey");
        apiKey.GetProperty("in").GetString().Should().Be("header");
        apiKey.GetProperty("name").GetString().Should().Be("X-CleanRag-Key");
    }

    [Test]
    public void Every_operation_declares_a_success_with_a_schema_for_its_body()
    {
        var offending = new List<string>();
        foreach (var operation in Operations())
        {
            var successes = Responses(operation).Where(r => r.Status.StartsWith('2')).ToList();
            if (successes.Count == 0)
                offending.Add($"{operation.Name}: no 2xx response");
            // 204 No Content is the one success without a body; every other one says what it sends.
            foreach (var success in successes.Where(r => r.Status != "204"))
            {
                if (!success.Body.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
                    offending.Add($"{operation.Name} {success.Status}: no content");
                else
                    offending.AddRange(content.EnumerateObject()
                        .Where(media => !HasSchema(media.Value))
                        .Select(media => $"{operation.Name} {success.Status} {media.Name}: no schema"));
            }
        }

        offending.Should().BeEmpty("a generated client needs a type for every successful answer");
    }

    [Test]
    public void Every_declared_error_has_the_error_shape()
    {
        var offending = Operations()
            .SelectMany(operation => Responses(operation)
                .Where(r => r.Status[0] is '4' or '5' && !HealthUnavailable.Contains($"{operation.Name} {r.Status}"))
                .Where(r => SchemaReference(r.Body, "application/json") != "#/components/schemas/ErrorResponse")
                .Select(r => $"{operation.Name} {r.Status}"))
            .ToList();

        offending.Should().BeEmpty("every failure answers {error, code, status, traceId}");
    }

    [Test]
    public void Routes_that_need_a_signed_in_user_require_the_bearer_token()
    {
        var offending = Operations()
            .Where(o => !PublicOperations.Contains(o.Name) && !ApiKeyOperations.Contains(o.Name) && !UserOrApiKeyOperations.Contains(o.Name))
            .Where(o => !SecuritySchemesOf(o).SequenceEqual(["bearer"]))
            .Select(o => $"{o.Name}: [{string.Join(", ", SecuritySchemesOf(o))}]")
            .ToList();

        offending.Should().BeEmpty("dashboard routes need the access token");
    }

    [Test]
    public void The_public_chat_api_requires_an_api_key()
    {
        var keyed = Operations().Where(o => ApiKeyOperations.Contains(o.Name)).ToList();

        keyed.Select(o => o.Name).Should().BeEquivalentTo(ApiKeyOperations);
        keyed.Where(o => !SecuritySchemesOf(o).SequenceEqual(["apiKey"]))
            .Select(o => $"{o.Name}: [{string.Join(", ", SecuritySchemesOf(o))}]")
            .Should().BeEmpty();
    }

    [Test]
    public void The_programmatic_api_accepts_the_bearer_token_or_an_api_key()
    {
        var either = Operations().Where(o => UserOrApiKeyOperations.Contains(o.Name)).ToList();

        either.Select(o => o.Name).Should().BeEquivalentTo(UserOrApiKeyOperations);
        either.Where(o => !SecuritySchemesOf(o).SequenceEqual(["bearer", "apiKey"]))
            .Select(o => $"{o.Name}: [{string.Join(", ", SecuritySchemesOf(o))}]")
            .Should().BeEmpty();
        either.Where(o => Responses(o).All(r => r.Status != "429")).Select(o => o.Name).Should().BeEmpty("keyed calls are rate limited");
    }

    [Test]
    public void The_keyed_chat_answers_json_or_an_event_stream()
    {
        var keyedChat = Operations().Single(o => o.Name == "POST /v1/chat");

        var success = Responses(keyedChat).Single(r => r.Status == "200");
        success.Body.GetProperty("content").EnumerateObject().Select(media => media.Name).Should().BeEquivalentTo("application/json", "text/event-stream");
    }

    [Test]
    public void Public_routes_require_no_credential()
    {
        var open = Operations().Where(o => PublicOperations.Contains(o.Name)).ToList();

        open.Select(o => o.Name).Should().BeEquivalentTo(PublicOperations);
        open.Where(o => SecuritySchemesOf(o).Any())
            .Select(o => $"{o.Name}: [{string.Join(", ", SecuritySchemesOf(o))}]")
            .Should().BeEmpty();
    }

    [Test]
    public void The_widget_chat_is_declared_as_an_event_stream()
    {
        var widgetChat = Operations().Single(o => o.Name == "POST /api/chat");

        var success = Responses(widgetChat).Single(r => r.Status == "200");
        success.Body.GetProperty("content").EnumerateObject().Select(media => media.Name).Should().Equal("text/event-stream");
    }

    private sealed record Operation(string Name, JsonElement Body);

    private sealed record Response(string Status, JsonElement Body);

    /// <summary>Every operation, named "METHOD /path" (a group's root route is documented with a trailing slash; the route matches without).</summary>
    private IEnumerable<Operation> Operations() =>
        from path in _document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where method.Name is "get" or "post" or "put" or "patch" or "delete"
        select new Operation($"{method.Name.ToUpperInvariant()} {(path.Name.Length > 1 ? path.Name.TrimEnd('/') : path.Name)}", method.Value);

    private static IEnumerable<Response> Responses(Operation operation) =>
        operation.Body.TryGetProperty("responses", out var responses)
            ? responses.EnumerateObject().Select(r => new Response(r.Name, r.Value))
            : [];

    private static bool HasSchema(JsonElement mediaType) =>
        mediaType.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object && schema.EnumerateObject().Any();

    private static string? SchemaReference(JsonElement response, string mediaType) =>
        response.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out var media)
        && media.TryGetProperty("schema", out var schema) && schema.TryGetProperty("$ref", out var reference)
            ? reference.GetString()
            : null;

    private static IReadOnlyList<string> SecuritySchemesOf(Operation operation) =>
        operation.Body.TryGetProperty("security", out var security)
            ? [.. security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name))]
            : [];
}
