using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Application.Documents;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyCommandHandler(ApiKeyIssuer issuer, IReadStore readStore) : ICommandHandler<CreateApiKeyCommand, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        var environment = command.Environment == "live" ? ApiKeyEnvironment.Live : ApiKeyEnvironment.Test;
        return issuer.Issue(command.ProjectId, command.Name, environment);
    }
}
