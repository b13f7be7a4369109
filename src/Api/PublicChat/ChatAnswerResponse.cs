using CleanRag.Application.Chat;

namespace CleanRag.Api.PublicChat;

/// <summary>The JSON answer of the chat APIs; <c>sources</c> is left out when there are none.</summary>
internal static class ChatAnswerResponse
{
    public static object From(ChatAnswer answer) => new
    {
        answer.Answer,
        answer.SessionId,
        answer.ConversationId,
        answer.MessageId,
        answer.VisitorId,
        answer.Confidence,
        answer.Outcome,
        sources = answer.Sources.Count == 0 ? null : Sources(answer),
    };

    /// <summary>The cited sources as both chat APIs show them.</summary>
    public static IEnumerable<object> Sources(ChatAnswer answer) =>
        answer.Sources.Select(s => new { s.Title, s.Excerpt, s.PageNumber, s.PageEnd, s.DocumentId, s.Score });
}
