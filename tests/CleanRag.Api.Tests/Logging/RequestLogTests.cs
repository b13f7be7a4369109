using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CleanRag.Api.Tests.Logging;

/// <summary>What the service writes to its log for requests that fail on the client's side.</summary>
public class RequestLogTests
{
    private readonly CapturingSink _log = new();
    private CleanRagApiFactory _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = CleanRagApiFactory.HttpOnly(builder => builder
        .UseSetting("Serilog:MinimumLevel:Default", "Information")
        .ConfigureServices(services => services.AddSingleton<ILogEventSink>(_log)));

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [Test]
    public async Task A_client_error_is_one_information_line_with_its_status_and_no_stack_trace()
    {
        using var client = _host.CreateClient();

        var response = await client.PostAsJsonAsync("/v1/auth/login", new { email = "nobody@example.com", password = "wrong password!" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var line = await _log.WaitForAsync(e => e.Properties["RequestPath"].ToString().Contains("/v1/auth/login"));
        line.Level.Should().Be(LogEventLevel.Information);
        line.Properties["StatusCode"].ToString().Should().Be("401");
        line.Exception.Should().BeNull();
    }

    [Test]
    public async Task An_invite_token_never_reaches_the_log_even_when_the_request_fails()
    {
        var member = await TestActors.SignUpAsync(host: _host);
        const string token = "xJ9-not-a-real-invite-token-but-secret";

        var response = await member.Client.PostAsync($"/v1/invites/{token}/accept", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var line = await _log.WaitForAsync(e => e.Properties["RequestPath"].ToString().Contains("/v1/invites/"));
        line.Properties["RequestPath"].ToString().Should().Contain("/v1/invites/[redacted]/accept");
        _log.Events.Should().NotContain(e => e.RenderMessage(null).Contains(token) || e.Properties.Values.Any(v => v.ToString().Contains(token)));
    }

    [Test]
    public async Task An_error_names_a_trace_id_that_its_request_log_line_and_header_carry_too()
    {
        using var client = _host.CreateClient();

        var unknownRoute = await client.GetAsync("/v1/no-such-route-to-trace");
        var failedLogin = await client.PostAsJsonAsync("/v1/auth/login", new { email = "trace@example.com", password = "wrong password!" });

        var routeTraceId = await TraceIdOf(unknownRoute);
        var loginTraceId = await TraceIdOf(failedLogin);
        routeTraceId.Should().NotBe(loginTraceId, "each request has its own trace id");
        var line = await _log.WaitForAsync(e => e.Properties["RequestPath"].ToString().Contains("/v1/no-such-route-to-trace"));
        line.Properties["TraceId"].Should().BeOfType<ScalarValue>().Which.Value.Should().Be(routeTraceId);
        line.RenderMessage(null).Should().Contain(routeTraceId);
    }

    /// <summary>The trace id of an error response, which the body and the X-Trace-Id header give alike.</summary>
    private static async Task<string> TraceIdOf(HttpResponseMessage response)
    {
        var traceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
        traceId.Should().NotBeNullOrWhiteSpace();
        response.Headers.GetValues("X-Trace-Id").Should().Equal(traceId);
        return traceId!;
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyCollection<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        /// <summary>The request log line is written as the response completes, just after the client has it.</summary>
        public async Task<LogEvent> WaitForAsync(Func<LogEvent, bool> requestLine)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (_events.FirstOrDefault(e => e.Properties.ContainsKey("RequestPath") && e.Properties.ContainsKey("StatusCode") && requestLine(e)) is { } found)
                    return found;
                await Task.Delay(100);
            }
            throw new InvalidOperationException("The request was not logged.");
        }
    }
}
