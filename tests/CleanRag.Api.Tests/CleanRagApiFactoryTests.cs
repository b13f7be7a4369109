using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanRag.Api.Tests;

public class CleanRagApiFactoryTests
{
    [Test]
    public async Task An_http_only_instance_answers_requests_and_runs_no_background_work()
    {
        await using var factory = CleanRagApiFactory.HttpOnly();
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
        var hosted = HostedServices(factory);
        hosted.Where(IsBackgroundWork).Should().BeEmpty(string.Join(", ", hosted));
        HostedServices(ApiHost.Factory).Where(IsBackgroundWork).Should().Contain(name => name.StartsWith("MassTransit"))
            .And.Contain(name => name.Contains("ProjectionCoordinator")).And.Contain(name => name.StartsWith("CleanRag.Infrastructure"),
                "the shared host runs the bus, the daemon and the sweeps (the check above can fail)");
    }

    private static List<string> HostedServices(CleanRagApiFactory host) =>
        host.Services.GetServices<IHostedService>().Select(service => service.GetType().FullName!).ToList();

    /// <summary>The bus, Marten's async daemon, and the service's own sweeps and timers.</summary>
    private static bool IsBackgroundWork(string hostedService) =>
        hostedService.StartsWith("MassTransit") || hostedService.Contains("ProjectionCoordinator") || hostedService.StartsWith("CleanRag.Infrastructure");

    [Test]
    public async Task The_pipeline_report_tells_whether_the_host_runs_and_how_far_the_events_are()
    {
        var report = await PipelineReport.DescribeAsync(ApiHost.Factory);

        report.Should().Contain("host running").And.Contain("last event ").And.Contain("bus Healthy");
    }
}
