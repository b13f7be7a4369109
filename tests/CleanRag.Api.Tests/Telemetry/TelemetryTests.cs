using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CleanRag.Api.Tests.Telemetry;

public class TelemetryTests
{
    [Test]
    public async Task A_chat_is_measured_in_the_services_own_meters_on_the_metrics_endpoint()
    {
        var project = await LiveProject.CreateAsync();
        await project.AnswerAsync(new { question = "How often are dental cleanings covered?" });

        var metrics = await ApiHost.Factory.CreateClient().GetStringAsync("/metrics");

        metrics.Should().Contain("cleanrag_chat_duration_milliseconds_count{").And.Contain("outcome=\"answered\"");
        metrics.Should().Contain("cleanrag_retrieval_duration_milliseconds_count");
        metrics.Should().Contain("cleanrag_ingestion_duration_milliseconds_count{").And.Contain("outcome=\"indexed\"");
        metrics.Should().Contain("cleanrag_chat_tokens");
        metrics.Should().Contain("cleanrag_forwarder_lag_milliseconds_count", "the document's events went over the bus");
    }

    [Test]
    public async Task The_runtimes_own_meters_are_on_the_metrics_endpoint_for_capacity_planning()
    {
        var metrics = await ApiHost.Factory.CreateClient().GetStringAsync("/metrics");

        metrics.Should().Contain("dotnet_gc_heap_total_allocated_bytes_total");
        metrics.Should().Contain("dotnet_process_cpu_time_seconds_total");
    }

    [Test]
    public async Task With_an_otlp_endpoint_traces_of_requests_reach_the_collector()
    {
        using var collector = new OtlpReceiver();
        await using var host = new CleanRagApiFactory(builder =>
        {
            builder.UseSetting("Telemetry:Otlp:Endpoint", collector.Endpoint);
            builder.UseSetting("Telemetry:Otlp:Protocol", "http/protobuf");
            builder.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "1000"); // the SDK's own setting; 60 s by default
        }, target: "api_telemetry");

        await host.CreateClient().PostAsJsonAsync("/v1/auth/signup", new { email = TestActors.NewEmail(), password = TestActors.Password, name = "Ada" });

        // The batch exporter sends every 5 s; start-up's database spans may come first.
        var trace = await Eventually.GetAsync(() => Task.FromResult(collector.Received
                .Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).FirstOrDefault(b => b.Contains("/v1/auth/signup"))),
            TimeSpan.FromSeconds(30), "the sign-up's trace");
        trace.Should().Contain("cleanrag-api", "the resource names the service");
        await Eventually.IsTrueAsync(() => Task.FromResult(collector.Received.Any(r => r.Path == "/v1/metrics")),
            TimeSpan.FromSeconds(10), "a metrics export");
    }

    /// <summary>Records what OTLP/HTTP exporters POST to it and answers 200 with an empty protobuf body.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();

        public OtlpReceiver()
        {
            var port = LocalPorts.Free();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add($"{Endpoint}/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }
        public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

        private async Task ReceiveAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }
    }
}
