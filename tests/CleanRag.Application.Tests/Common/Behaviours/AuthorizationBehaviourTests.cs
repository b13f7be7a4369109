using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Behaviours;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Application.Companies;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.ArchiveProject;
using CleanRag.Application.Projects.GetProject;
using CleanRag.Application.Projects.ListProjects;
using CleanRag.Domain.ApiKeys;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Tests.Common.Behaviours;

public class AuthorizationBehaviourTests
{
    private static readonly Guid CompanyId = Guid.NewGuid();
    private static readonly Guid KeyProjectId = Guid.NewGuid();

    private static RequestContext Keyed()
    {
        var context = new RequestContext();
        context.SetApiKey(new ApiKeyCaller(Guid.NewGuid(), CompanyId, KeyProjectId, ApiKeyEnvironment.Live, 60, []));
        return context;
    }

    private static readonly PlanCatalog Catalog = PlanCatalog.From(new PlanOptions
    {
        DefaultPlan = "business",
        Definitions = new()
        {
            ["business"] = new PlanDefinitionOptions { Features = Features.All.ToDictionary(f => f, _ => true) },
            ["pro"] = new PlanDefinitionOptions { Features = new() { [Features.Webhooks] = true } },
        },
    });

    private static async Task<TMessage?> SentAsync<TMessage, TResponse>(
        RequestContext context, TMessage message, TResponse response, string plan = "business")
        where TMessage : notnull, IMessage
    {
        TMessage? received = default;
        var plans = new PlanGuard(new CompanyPlans(new CompanyOnPlan(plan), context, Catalog), new NoUsage(), TimeProvider.System);
        await new AuthorizationBehaviour<TMessage, TResponse>(context, plans).Handle(
            message, (m, _) => { received = m; return ValueTask.FromResult(response); }, CancellationToken.None);
        return received;
    }

    [Test]
    public async Task A_key_reads_its_own_project()
    {
        var received = await SentAsync(Keyed(), new GetProjectQuery(KeyProjectId), new ProjectDetails());

        received.Should().Be(new GetProjectQuery(KeyProjectId));
    }

    [Test]
    public async Task Another_project_of_the_keys_company_is_not_found_for_the_key()
    {
        var act = () => SentAsync(Keyed(), new GetProjectQuery(Guid.NewGuid()), new ProjectDetails());

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Code.Should().Be("project_not_found");
    }

    [Test]
    public async Task A_workspace_wide_list_is_narrowed_to_the_keys_project()
    {
        IReadOnlyList<ProjectDetails> none = [];

        var received = await SentAsync(Keyed(), new ListProjectsQuery(IncludeArchived: true), none);
        var otherFilter = () => SentAsync(Keyed(), new ListProjectsQuery(ProjectId: Guid.NewGuid()), none);

        received.Should().Be(new ListProjectsQuery(IncludeArchived: true, ProjectId: KeyProjectId));
        (await otherFilter.Should().ThrowAsync<NotFoundException>()).Which.Code.Should().Be("project_not_found");
    }

    [Test]
    public async Task A_signed_in_member_lists_the_whole_workspace()
    {
        var member = new RequestContext();
        member.Set(CompanyId, Guid.NewGuid(), CompanyRole.Member);

        var received = await SentAsync(member, new ListProjectsQuery(), (IReadOnlyList<ProjectDetails>)[]);

        received.Should().Be(new ListProjectsQuery(), "only keys are narrowed");
    }

    [Test]
    public async Task A_message_not_opened_to_keys_refuses_a_key_even_for_its_own_project()
    {
        var act = () => SentAsync(Keyed(), new ArchiveProjectCommand(KeyProjectId), new ProjectDetails());

        (await act.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("api_key_not_allowed");
    }

    [Test]
    public async Task A_key_has_a_members_rights_only()
    {
        var act = () => SentAsync(Keyed(), new AdminOnlyQuery(KeyProjectId), "");

        (await act.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("forbidden");
    }

    [Test]
    public async Task A_keyed_message_that_names_no_project_is_refused_rather_than_read_across_the_workspace()
    {
        var act = () => SentAsync(Keyed(), new UnscopedQuery(), "");

        (await act.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("api_key_not_allowed");
    }

    [Test]
    public async Task A_key_reads_nothing_on_a_plan_without_api_access_while_a_signed_in_member_does()
    {
        var member = new RequestContext();
        member.Set(CompanyId, Guid.NewGuid(), CompanyRole.Member);

        var keyed = () => SentAsync(Keyed(), new GetProjectQuery(KeyProjectId), new ProjectDetails(), plan: "pro");
        var signedIn = await SentAsync(member, new GetProjectQuery(KeyProjectId), new ProjectDetails(), plan: "pro");

        (await keyed.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("plan_forbidden");
        signedIn.Should().Be(new GetProjectQuery(KeyProjectId));
    }

    /// <summary>Every company's details name <paramref name="plan"/>.</summary>
    private sealed class CompanyOnPlan(string plan) : IReadStore
    {
        public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class =>
            Task.FromResult(new CompanyDetails { Id = id, Plan = plan } as T);

        public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class => Task.FromResult<T?>(null);

        public Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();
    }

    /// <summary>Features need no usage figures.</summary>
    private sealed class NoUsage : IPlanUsageReader
    {
        public Task<int> CountProjectsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredDocuments> StoredDocumentsAsync(Guid? excludingDocumentId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<MessageCounts> CountMessagesAsync(BillingPeriod period, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Authorize(CompanyRole.Admin)]
    [AllowApiKey]
    private sealed record AdminOnlyQuery(Guid ProjectId) : IQuery<string>, IProjectScoped;

    [Authorize(CompanyRole.Member)]
    [AllowApiKey]
    private sealed record UnscopedQuery : IQuery<string>;
}
