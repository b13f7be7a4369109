namespace CleanRag.Application.Common.Security;

/// <summary>
/// A workspace-wide read that can be narrowed to one project (<see cref="ProjectId"/> null: every project). Sent with an API key
/// (<see cref="AllowApiKeyAttribute"/>), the authorization behaviour hands the handler <see cref="RestrictedTo"/> the key's
/// project; a filter naming another project answers 404 <c>project_not_found</c>.
/// </summary>
public interface IProjectFiltered
{
    Guid? ProjectId { get; }

    /// <summary>The same message, reading only <paramref name="projectId"/>.</summary>
    IProjectFiltered RestrictedTo(Guid projectId);
}
