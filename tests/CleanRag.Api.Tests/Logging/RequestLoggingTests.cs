using CleanRag.Api.Logging;
using Microsoft.AspNetCore.Http;

namespace CleanRag.Api.Tests.Logging;

public class RequestLoggingTests
{
    [TestCase("/v1/invites/{0}/accept")]
    [TestCase("/v1/uploads/{0}")]
    [TestCase("/v1/files/{0}")]
    public void A_token_in_the_path_is_redacted_in_the_request_log(string route)
    {
        const string token = "k3Y-s3cr3t_t0ken";
        var http = new DefaultHttpContext();
        http.Request.Path = string.Format(route, token);
        http.Request.RouteValues["token"] = token;

        var logged = RequestLogging.PathForLog(http);

        logged.Should().Be(string.Format(route, "[redacted]")).And.NotContain(token);
    }

    [Test]
    public void A_path_without_secrets_is_logged_as_it_is()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/v1/projects/0193a8c0-1b2a-7c3d-8e4f-0a1b2c3d4e5f";
        http.Request.RouteValues["id"] = "0193a8c0-1b2a-7c3d-8e4f-0a1b2c3d4e5f";

        RequestLogging.PathForLog(http).Should().Be("/v1/projects/0193a8c0-1b2a-7c3d-8e4f-0a1b2c3d4e5f");
    }
}
