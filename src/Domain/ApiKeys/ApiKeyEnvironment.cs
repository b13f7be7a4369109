namespace CleanRag.Domain.ApiKeys;

/// <summary>Live keys serve real visitors; test keys work on the same routes but their traffic is marked as test.</summary>
public enum ApiKeyEnvironment
{
    Live,
    Test,
}
