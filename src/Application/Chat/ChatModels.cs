using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat;

/// <summary>A visitor's question to a project, from whichever channel.</summary>
/// <param name="Origin">The browser's Origin header, checked against the project's allowed origins (public channels only).</param>
/// <param name="LinkSources">False for callers that show no links (test runs): they run outside any request, where the public
/// address a file link needs may be unknown, and each source's <see cref="Citation.Url"/> is then only its document's source URL.</param>
public sealed record ChatRequest(
    Guid ProjectId, string Question, Guid? ConversationId, string? SessionId, string? VisitorId, ConversationChannel Channel, bool IsTest,
    string? PageUrl = null, string? PageContext = null, string? Origin = null, bool LinkSources = true);

/// <summary>The complete answer, as the JSON APIs return it.</summary>
/// <param name="MessageId">The visitor's question in the conversation; feedback on the answer names it.</param>
/// <param name="Outcome">answered, unanswered (the honest "I don't know"), escalated, failed, or awaiting_human (a person handles the
/// conversation and the bot stayed quiet).</param>
/// <param name="Sources">The cited sources in citation order, each with the link the visitor follows.</param>
public sealed record ChatAnswer(
    string Answer, Guid ConversationId, Guid MessageId, string SessionId, string VisitorId, IReadOnlyList<Citation> Sources, double Confidence,
    string Outcome);

/// <summary>A cited source as shown with an answer: the source, and its link (see <see cref="ICitationLinks"/>).</summary>
/// <param name="Url">Null only when the document's file is gone and it had no source URL.</param>
public sealed record Citation(CitedSource Source, string? Url);

/// <summary>What the pipeline streams, in order: the conversation, tokens (perhaps replaced), then the completion with sources and confidence.</summary>
public abstract record ChatUpdate;

public sealed record ConversationOpened(Guid ConversationId, Guid MessageId, string SessionId, string VisitorId) : ChatUpdate;

public sealed record AnswerToken(string Text) : ChatUpdate;

/// <summary>The streamed text turned out unsupported: clients replace it with this honest refusal.</summary>
public sealed record AnswerReplaced(string Text) : ChatUpdate;

public sealed record ChatCompleted(ChatAnswer Answer) : ChatUpdate;
