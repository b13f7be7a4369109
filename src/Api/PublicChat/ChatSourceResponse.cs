using CleanRag.Application.Chat;

namespace CleanRag.Api.PublicChat;

/// <summary>A cited source as the JSON chat APIs show it (/v1/chat and the dashboard's test chat), with the link to it.</summary>
/// <param name="PageNumber">The page cited: where the sentence the answer used is (the link opens it).</param>
/// <param name="PageStart">With <paramref name="PageEnd"/>, the pages the cited passage spans.</param>
internal sealed record ChatSourceResponse(
    string Title, string Excerpt, int? PageNumber, int? PageStart, int? PageEnd, Guid DocumentId, double Score, string? Url)
{
    public static IReadOnlyList<ChatSourceResponse> ListOf(ChatAnswer answer) =>
        [.. answer.Sources.Select(c => new ChatSourceResponse(
            c.Source.Title, c.Source.Excerpt, c.Source.PageNumber, c.Source.PageStart ?? c.Source.PageNumber, c.Source.PageEnd,
            c.Source.DocumentId, c.Source.Score, c.Url))];
}
