namespace CleanRag.Application.Common.Interfaces;

/// <summary>Tells a dependency outage (database unreachable, restarting, out of connections) apart from a bug.</summary>
public interface IDependencyOutageDetector
{
    /// <summary>The dependency that is unavailable ("database"), or null when the failure is not an outage.</summary>
    string? FindUnavailableDependency(Exception exception);
}
