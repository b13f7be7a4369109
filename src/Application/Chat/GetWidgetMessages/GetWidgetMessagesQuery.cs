using Mediator;

namespace CleanRag.Application.Chat.GetWidgetMessages;

/// <summary>
/// The widget's poll (GET /api/widget/messages): with <paramref name="Since"/>, the team's replies added after it; without, the
/// whole conversation (visitor questions, bot replies, team replies), oldest first. Scoped to exactly that conversation.
/// The parameters arrive as the query string wrote them; the validator says what is wrong with them.
/// </summary>
public sealed record GetWidgetMessagesQuery(string? ConversationId, string? Since, string? Origin) : IQuery<WidgetMessages>;

public sealed record WidgetMessages(IReadOnlyList<WidgetMessage> Messages);

/// <param name="Role">user or assistant.</param>
/// <param name="Sources">For a bot answer, the URLs of the passages it cites; for a team reply, <c>["human_reply"]</c>.</param>
public sealed record WidgetMessage(Guid Id, string Role, string Content, IReadOnlyList<string> Sources, DateTimeOffset CreatedAt);
