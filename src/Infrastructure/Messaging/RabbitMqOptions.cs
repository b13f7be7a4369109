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
}
