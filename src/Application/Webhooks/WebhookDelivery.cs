namespace CleanRag.Application.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt (or being attempted now).</summary>
    Pending,
    Delivered,
    /// <summary>Every attempt failed, or the webhook was disabled before it could be delivered. Stays visible; can be redelivered.</summary>
    Failed,
}

/// <summary>
/// One event on its way to one webhook, stored in PostgreSQL so that no broker or process failure loses it.
/// <see cref="Id"/> is the X-CleanRag-Delivery header (the same for every attempt and redelivery) and
/// <see cref="Body"/> the exact JSON posted each time. Scheduling state: a pending delivery is due at
/// <see cref="NextAttemptAt"/>; <see cref="LeaseUntil"/> marks it dispatched or in flight, so the sweeper leaves it
/// alone until the lease runs out.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid CompanyId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid WebhookId { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public string Body { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Every POST made, across redeliveries.</summary>
    public int Attempts { get; set; }

    /// <summary>POSTs since the delivery was created or last redelivered; drives the retry schedule.</summary>
    public int RoundAttempts { get; set; }

    public int? LastStatusCode { get; set; }
    public long? LastLatencyMs { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The dispatch message allowed to claim the delivery while <see cref="LeaseUntil"/> holds.</summary>
    public Guid? DispatchId { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public static WebhookDelivery Create(WebhookDetails webhook, WebhookPayload payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CompanyId = webhook.CompanyId,
        ProjectId = webhook.ProjectId,
        WebhookId = webhook.Id,
        EventId = payload.Id,
        EventType = payload.Type,
        Body = payload.ToJson(),
        Status = WebhookDeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>Handed to the delivery consumer by dispatch message <paramref name="dispatchId"/>; others keep off until the lease ends.</summary>
    public void Dispatch(Guid dispatchId, DateTimeOffset leaseUntil)
    {
        DispatchId = dispatchId;
        LeaseUntil = leaseUntil;
    }

    /// <summary>Pending, due, and leased to nobody: the sweeper's to dispatch.</summary>
    public bool IsDueAndFree(DateTimeOffset now) =>
        Status == WebhookDeliveryStatus.Pending && NextAttemptAt <= now && (LeaseUntil is null || LeaseUntil <= now);

    /// <summary>Due, and either dispatched to this very message or no longer leased by anyone.</summary>
    public bool CanBeClaimed(Guid dispatchId, DateTimeOffset now) =>
        IsDueAndFree(now) || (Status == WebhookDeliveryStatus.Pending && NextAttemptAt <= now && DispatchId == dispatchId);

    /// <summary>An attempt starts: nobody else may take the delivery until <paramref name="leaseUntil"/>.</summary>
    public void Claim(DateTimeOffset leaseUntil)
    {
        DispatchId = null;
        LeaseUntil = leaseUntil;
    }

    /// <summary>
    /// Records an attempt's outcome. A failure is retried when <paramref name="schedule"/> has a delay left for this
    /// round; otherwise the delivery has failed for good.
    /// </summary>
    public void RecordAttempt(WebhookAttemptResult result, RetrySchedule schedule, DateTimeOffset now)
    {
        Attempts++;
        RoundAttempts++;
        LastStatusCode = result.StatusCode;
        LastLatencyMs = result.LatencyMs;
        LastError = result.Error;
        LastAttemptAt = now;
        LeaseUntil = null;
        if (result.Succeeded)
            Finish(WebhookDeliveryStatus.Delivered, now);
        else if (schedule.DelayAfter(RoundAttempts) is { } delay)
            NextAttemptAt = now + delay;
        else
            Finish(WebhookDeliveryStatus.Failed, now);
    }

    /// <summary>The webhook can no longer receive (disabled or deleted): fail without an attempt; an admin may redeliver later.</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        LastError = reason;
        LeaseUntil = null;
        Finish(WebhookDeliveryStatus.Failed, now);
    }

    /// <summary>An admin asked for it again: the same delivery (id, body) gets a fresh round of attempts.</summary>
    public void Restart(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        RoundAttempts = 0;
        NextAttemptAt = now;
        CompletedAt = null;
    }

    private void Finish(WebhookDeliveryStatus status, DateTimeOffset now)
    {
        Status = status;
        NextAttemptAt = null;
        CompletedAt = now;
    }
}

/// <summary>What one POST got: the status code (none when it never got a response), how long it took, and why it failed.</summary>
public sealed record WebhookAttemptResult(int? StatusCode, long LatencyMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
