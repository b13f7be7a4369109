using CleanRag.Application.Chat;

namespace CleanRag.Application.Conversations;

/// <summary>What the bot said in reply to a question, rebuilt from its recorded outcome (the fixed texts are not stored).</summary>
public static class BotReplies
{
    /// <summary>The answer, the honest refusal or the hand-over notice; null when the bot did not reply (failed, held for a person, still open).</summary>
    public static string? TextOf(ConversationMessage message) => message.Outcome switch
    {
        ConversationOutcomes.Answered => message.Answer,
        ConversationOutcomes.Unanswered or ConversationOutcomes.Refused => message.Answer ?? ChatPipeline.NotFoundAnswer,
        "escalated" => EscalationDetector.Reply,
        _ => null,
    };
}
