using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

public sealed class AskWidgetQuestionCommandHandler(ChatPipeline pipeline, IReadStore readStore)
    : ICommandHandler<AskWidgetQuestionCommand, ChatStream>
{
    public async ValueTask<ChatStream> Handle(AskWidgetQuestionCommand command, CancellationToken cancellationToken)
    {
        // The read store is scoped to the project's company (resolved by the API from the project id), so an unknown id is simply not found.
        var project = await readStore.LoadAsync<ProjectDetails>(command.ProjectId, cancellationToken);
        if (project is null || project.Status == ProjectStatus.Archived)
            throw new NotFoundException("Project");
        if (!project.Settings.WidgetEnabled)
            throw new ForbiddenException("The chat widget is not enabled for this project.", "widget_disabled");
        OriginPolicy.Enforce(project.Settings.AllowedOrigins, command.Origin, browserOnly: true);

        return new ChatStream(pipeline.StreamAsync(
            new ChatRequest(project.Id, command.Message, command.ConversationId, SessionId: null, command.VisitorId,
                ConversationChannel.Widget, IsTest: false, command.PageUrl, command.Context),
            cancellationToken));
    }
}
