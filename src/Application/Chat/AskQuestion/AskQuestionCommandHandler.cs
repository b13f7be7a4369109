using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.AskQuestion;

public sealed class AskQuestionCommandHandler(ChatPipeline pipeline, IReadStore readStore, IRequestContext context)
    : ICommandHandler<AskQuestionCommand, ChatAnswer>
{
    public async ValueTask<ChatAnswer> Handle(AskQuestionCommand command, CancellationToken cancellationToken)
    {
        var key = context.ApiKey!;
        var project = await readStore.LoadAsync<ProjectDetails>(key.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        OriginPolicy.Enforce(project.Settings.AllowedOrigins, command.Origin, browserOnly: false);
        return await pipeline.AnswerAsync(
            new ChatRequest(key.ProjectId, command.Question, command.ConversationId, command.SessionId, command.VisitorId,
                ConversationChannel.Api, key.IsTest),
            cancellationToken);
    }
}
