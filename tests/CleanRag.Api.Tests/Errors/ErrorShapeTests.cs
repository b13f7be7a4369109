using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Errors;

public class ErrorShapeTests
{
    [Test]
    public async Task An_unknown_route_is_a_404_naming_the_route()
    {
        using var client = ApiHost.Factory.CreateClient();

        var response = await client.GetAsync("/x");

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.NotFound, "route_not_found");
        body.GetProperty("error").GetString().Should().Be("No route for GET /x");
    }

    [Test]
    public async Task A_wrong_method_on_a_known_route_is_a_405_in_the_error_shape()
    {
        using var client = ApiHost.Factory.CreateClient();

        var response = await client.DeleteAsync("/health");

        await response.ShouldBeErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Test]
    public async Task An_unhandled_exception_is_a_500_without_details()
    {
        await using var factory = CleanRagApiFactory.HttpOnly(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingRouteFilter())));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/__throw");

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.InternalServerError, "internal_error");
        body.ToString().Should().NotContain("secret detail").And.NotContain(" at ");
    }

    /// <summary>Adds, behind the API's own middleware, a route that fails like a bug would.</summary>
    private sealed class ThrowingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/__throw", branch => branch.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
