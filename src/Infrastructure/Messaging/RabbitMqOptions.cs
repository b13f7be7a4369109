namespace CleanRag.Infrastructure.Messaging;

public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "cleanrag";
    public string Username { get; set; } = "cleanrag";
    public string Password { get; set; } = "cleanrag";

    /// <summary>Immediate retries of a failing consumer before the message goes to its _error queue.</summary>
    public int ConsumerRetryLimit { get; set; } = 5;

    /// <summary>
    /// The most events a batching reaction (<see cref="DomainEventBatchConsumer{TEvent,THandler}"/>) handles in one
    /// transaction: enough that the per-transaction cost stops mattering (issue 20), few enough that a batch of documents
    /// is indexed within seconds.
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a batching reaction waits for more events after the first before it handles what it has.</summary>
    public int BatchWaitMilliseconds { get; set; } = 20;
}
