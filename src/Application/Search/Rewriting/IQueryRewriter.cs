namespace CleanRag.Application.Search.Rewriting;

/// <summary>One earlier exchange of a conversation; <see cref="Answer"/> is null while it is unanswered.</summary>
public sealed record ConversationTurn(string Question, string? Answer);

/// <summary>
/// Turns a conversation's latest question into a query that can be searched on its own ("what about dental?"
/// after a question on plan costs becomes something like "what about dental? plan cost"). A question that
/// already stands alone, or one without history, comes back unchanged.
/// </summary>
public interface IQueryRewriter
{
    /// <param name="history">Earlier turns, oldest first, without the current question.</param>
    /// <param name="page">The page the visitor asks from, when the widget described it: what "this" may refer to.</param>
    Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, VisitorPage? page, CancellationToken cancellationToken);
}
