namespace CleanRag.Application.Common.Security;

/// <summary>
/// Opens a dashboard message (one with <see cref="AuthorizeAttribute"/>) to the programmatic API: a project's API key may send it
/// as well as a signed-in user. The key speaks for its company and project only, so the message must say which project it concerns
/// (<see cref="IProjectScoped"/>) or narrow a workspace-wide read to the key's project (<see cref="IProjectFiltered"/>); the
/// authorization behaviour enforces both, and an architecture test fails for a keyed message that implements neither.
/// A key on a message without this attribute is refused with <c>api_key_not_allowed</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowApiKeyAttribute : Attribute
{
    /// <summary>One message for every dashboard route that keys may not call.</summary>
    public const string NotAllowedMessage = "API keys cannot call this route; it needs a signed-in user (see the programmatic API in the README).";
}
