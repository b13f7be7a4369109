namespace CleanRag.Domain.Projects;

public enum ProjectStatus
{
    Draft,
    Indexing,
    Live,
    Archived,
}
