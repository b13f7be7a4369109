using CleanRag.Application.Chat;

namespace CleanRag.Api.PublicChat;

/// <summary>A cited source as both chat APIs show it: in the JSON answer and in the stream's <c>sources</c> event.</summary>
internal sealed record ChatSourceResponse(string Title, string Excerpt, int? PageNumber, int? PageEnd, Guid DocumentId, double Score)
{
    public static IReadOnlyList<ChatSourceResponse> ListOf(ChatAnswer answer) =>
        [.. answer.Sources.Select(s => new ChatSourceResponse(s.Title, s.Excerpt, s.PageNumber, s.PageEnd, s.DocumentId, s.Score))];
}
