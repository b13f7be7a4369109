using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Resilience;

/// <summary>
/// Puts a remote chat model behind <see cref="ModelResilience"/>. A streaming response is retried only
/// until its first update arrives: after that the caller has seen tokens, and a retry would repeat them.
/// </summary>
internal sealed class ResilientChatClient(IChatClient inner, ModelResilience resilience) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        return resilience.ExecuteAsync(
            async attemptToken => await base.GetResponseAsync(conversation, options, attemptToken), cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conversation = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (stream, streamLifetime, hasFirst) = await resilience.ExecuteAsync(
            attemptToken => OpenStreamAsync(conversation, options, attemptToken, cancellationToken), cancellationToken);

        // Declared in this order so the stream is disposed before the token source it listens to.
        using var lifetime = streamLifetime;
        await using var updates = stream;
        if (!hasFirst)
            yield break;
        yield return stream.Current;

        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await stream.MoveNextAsync())
                    yield break;
                update = stream.Current;
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                throw resilience.ToUpstreamFailure(failure);
            }
            yield return update;
        }
    }

    /// <summary>
    /// One attempt: starts the stream and waits for its first update. The stream gets its own token, linked to
    /// the caller's, because the policy's attempt token is recycled once the attempt is over; the attempt
    /// token cancels the stream only while the first update is awaited.
    /// </summary>
    private async ValueTask<(IAsyncEnumerator<ChatResponseUpdate> Stream, CancellationTokenSource Lifetime, bool HasFirst)>
        OpenStreamAsync(IReadOnlyList<ChatMessage> conversation, ChatOptions? options, CancellationToken attemptToken,
            CancellationToken callerToken)
    {
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        var stream = base.GetStreamingResponseAsync(conversation, options, lifetime.Token).GetAsyncEnumerator(lifetime.Token);
        try
        {
            bool hasFirst;
            await using (attemptToken.Register(lifetime.Cancel))
                hasFirst = await stream.MoveNextAsync();
            attemptToken.ThrowIfCancellationRequested();
            return (stream, lifetime, hasFirst);
        }
        catch
        {
            await stream.DisposeAsync();
            lifetime.Dispose();
            throw;
        }
    }
}
