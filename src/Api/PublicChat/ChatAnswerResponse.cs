using CleanRag.Application.Chat;

namespace CleanRag.Api.PublicChat;

/// <summary>The JSON answer of the chat APIs; <c>sources</c> is left out when there are none.</summary>
/// <param name="Outcome">answered, unanswered (the honest "I don't know") or escalated.</param>
internal sealed record ChatAnswerResponse(
    string Answer, string SessionId, Guid ConversationId, Guid MessageId, string VisitorId, double Confidence, string Outcome,
    IReadOnlyList<ChatSourceResponse>? Sources)
{
    public static ChatAnswerResponse From(ChatAnswer answer) => new(
        answer.Answer, answer.SessionId, answer.ConversationId, answer.MessageId, answer.VisitorId, answer.Confidence, answer.Outcome,
        answer.Sources.Count == 0 ? null : ChatSourceResponse.ListOf(answer));
}
