namespace CleanRag.Application.Common.Security;

/// <summary>
/// A message about one project. Sent with an API key (<see cref="AllowApiKeyAttribute"/>), the project must be the key's own:
/// another project of the same company answers 404 <c>project_not_found</c>, exactly like another company's.
/// </summary>
public interface IProjectScoped
{
    Guid ProjectId { get; }
}
