using CleanRag.Application.Webhooks;
using CleanRag.Application.Webhooks.CreateWebhook;
using CleanRag.Application.Webhooks.UpdateWebhook;

namespace CleanRag.Application.Tests.Webhooks;

public class WebhookValidatorTests
{
    private sealed class Policy(bool allowsHttp) : IWebhookUrlGuard
    {
        public bool AllowsHttp => allowsHttp;

        public Task<string?> FindUnsafeTargetAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    [Test]
    public void Plain_http_is_refused_unless_the_configuration_allows_it()
    {
        var command = new CreateWebhookCommand(Guid.NewGuid(), "http://hooks.example.com/in", ["lead.created"], null);

        new CreateWebhookCommandValidator(new Policy(allowsHttp: false)).Validate(command).Errors
            .Should().ContainSingle().Which.ErrorMessage.Should().Be("url must use https (this server does not allow plain http webhooks).");
        new CreateWebhookCommandValidator(new Policy(allowsHttp: true)).Validate(command).IsValid.Should().BeTrue();
        new CreateWebhookCommandValidator(new Policy(allowsHttp: false)).Validate(command with { Url = "https://hooks.example.com/in" })
            .IsValid.Should().BeTrue();
    }

    [Test]
    public void An_update_validates_only_what_it_changes()
    {
        var validator = new UpdateWebhookCommandValidator(new Policy(allowsHttp: false));

        validator.Validate(new UpdateWebhookCommand(Guid.NewGuid(), Guid.NewGuid(), null, null, Active: true)).IsValid.Should().BeTrue();
        validator.Validate(new UpdateWebhookCommand(Guid.NewGuid(), Guid.NewGuid(), null, [], null)).Errors
            .Should().ContainSingle().Which.PropertyName.Should().Be("Events");
        validator.Validate(new UpdateWebhookCommand(Guid.NewGuid(), Guid.NewGuid(), "http://hooks.example.com", null, null)).IsValid.Should().BeFalse();
    }
}
