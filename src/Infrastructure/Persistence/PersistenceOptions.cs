namespace CleanRag.Infrastructure.Persistence;

public sealed class PersistenceOptions
{
    /// <summary>Schema for documents and events; lets several deployments share one database.</summary>
    public string Schema { get; set; } = "cleanrag";

    /// <summary>Create or migrate the schema when the service starts.</summary>
    public bool ApplyDatabaseChangesOnStartup { get; set; } = true;

    /// <summary>Run the async daemon (projections and the bus forwarder). Off only for tools that just write.</summary>
    public bool RunDaemon { get; set; } = true;
}
