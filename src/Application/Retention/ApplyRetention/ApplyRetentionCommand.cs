using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Retention.ApplyRetention;

/// <summary>
/// Enforces the company's <c>dataRetentionDays</c> as of <paramref name="AsOf"/>: removes conversations last active before the
/// cut-off with their leads, leads without a conversation last changed before it (at most a batch at a time), and the
/// finished webhook deliveries created before it. Sent for each
/// company by the daily retention job (with the job's clock), which repeats it until <see cref="RetentionResult.Complete"/>;
/// no route sends it.
/// </summary>
public sealed record ApplyRetentionCommand(DateTimeOffset AsOf) : ICommand<RetentionResult>, IRetryOnConcurrencyConflict;

/// <param name="Complete">Nothing older than the cut-off is left; otherwise another batch is due.</param>
public sealed record RetentionResult(int ConversationsRemoved, int LeadsRemoved, bool Complete);
