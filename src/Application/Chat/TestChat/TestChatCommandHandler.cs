using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Chat.TestChat;

public sealed class TestChatCommandHandler(ChatPipeline pipeline, IReadStore readStore) : ICommandHandler<TestChatCommand, ChatAnswer>
{
    public async ValueTask<ChatAnswer> Handle(TestChatCommand command, CancellationToken cancellationToken)
    {
        var indexed = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == command.ProjectId && d.Status == DocumentStatus.Indexed).Take(1), cancellationToken);
        if (indexed.Count == 0 && await readStore.LoadAsync<Projects.ProjectDetails>(command.ProjectId, cancellationToken) is not null)
            throw new ConflictException("no_documents", "The project has no indexed documents yet; upload and sync some first.");

        return await pipeline.AnswerAsync(
            new ChatRequest(command.ProjectId, command.Question, command.ConversationId, command.SessionId, command.VisitorId,
                ConversationChannel.Dashboard, IsTest: true),
            cancellationToken);
    }
}
