using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.GetWidgetMessages;

public sealed class GetWidgetMessagesQueryHandler(WidgetConversationAccess access, IReadStore readStore, ICitationLinks links)
    : IQueryHandler<GetWidgetMessagesQuery, WidgetMessages>
{
    public const string HumanReplySource = "human_reply";

    public async ValueTask<WidgetMessages> Handle(GetWidgetMessagesQuery query, CancellationToken cancellationToken)
    {
        var conversationId = Guid.Parse(query.ConversationId!);
        var address = await access.ConversationAsync(conversationId, query.Origin, cancellationToken);
        var conversation = await readStore.LoadAsync<ConversationDetails>(conversationId, cancellationToken)
                           ?? throw new NotFoundException("Conversation");

        var humanReplies = conversation.HumanReplies
            .Select(r => new WidgetMessage(r.MessageId, "assistant", r.Content, [HumanReplySource], r.At));
        if (query.Since is not null && GetWidgetMessagesQueryValidator.TryParseSince(query.Since, out var since))
            return new WidgetMessages(humanReplies.Where(m => m.CreatedAt > since).ToList());

        var turns = new List<WidgetMessage>();
        foreach (var message in conversation.Messages)
            turns.AddRange(await TurnAsync(address.ProjectId, message, cancellationToken));
        return new WidgetMessages(turns.Concat(humanReplies).OrderBy(m => m.CreatedAt).ThenBy(m => m.Role == "user" ? 0 : 1).ToList());
    }

    /// <summary>The visitor's question and, when the bot replied, its reply (the answer, the honest refusal or the hand-over notice).</summary>
    private async Task<IReadOnlyList<WidgetMessage>> TurnAsync(Guid projectId, ConversationMessage message, CancellationToken cancellationToken)
    {
        var question = new WidgetMessage(message.MessageId, "user", message.Question, [], message.AskedAt);
        if (BotReplies.TextOf(message) is not { } reply)
            return [question];
        // Rows projected before replies had ids carry none: the id is the one derived from the question, as recorded now.
        return
        [
            question,
            new WidgetMessage(message.ReplyId ?? ConversationMessageIds.ReplyTo(message.MessageId), "assistant", reply,
                await SourceUrlsAsync(projectId, message, cancellationToken), message.AnsweredAt ?? message.AskedAt),
        ];
    }

    /// <summary>The links of the passages the answer cites, made fresh at each reading (signed links expire).</summary>
    private async Task<IReadOnlyList<string>> SourceUrlsAsync(Guid projectId, ConversationMessage message, CancellationToken cancellationToken) =>
        [.. (await links.UrlsOfAsync(projectId, message.Sources ?? [], cancellationToken)).OfType<string>()];
}
