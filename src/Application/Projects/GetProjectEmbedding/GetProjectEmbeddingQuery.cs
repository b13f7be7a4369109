using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectEmbedding;

/// <summary>The embedding space the project's index answers from, and how far its move to the configured model is.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetProjectEmbeddingQuery(Guid ProjectId) : IQuery<ProjectEmbedding>, IProjectScoped;

/// <summary>
/// <paramref name="Model"/> and <paramref name="Dimensions"/>: the live index's space (null while it holds no vectors).
/// <paramref name="Status"/>: current (in the configured model's space; with done = total when a re-embedding got it there
/// since the start), pending (another space, waiting its turn),
/// reembedding (<paramref name="Done"/> of <paramref name="Total"/> chunks in <paramref name="TargetModel"/>'s space so far)
/// or failed (<paramref name="Failure"/> says why; tried again at the next start).
/// </summary>
public sealed record ProjectEmbedding(
    string? Model, int? Dimensions, string Status, string? TargetModel, int? Done, int? Total, string? Failure);
