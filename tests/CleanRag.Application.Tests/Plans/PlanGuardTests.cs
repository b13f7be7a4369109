using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Plans;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Tests.Plans;

/// <summary>What each limit refuses, exactly at its boundary, for a company on the small plan.</summary>
public class PlanGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);

    private static readonly PlanCatalog Catalog = PlanCatalog.From(new PlanOptions
    {
        DefaultPlan = "business",
        Definitions = new()
        {
            ["free"] = new PlanDefinitionOptions
            {
                Limits = new PlanLimitsOptions { Projects = 1, Documents = 3, StorageMegabytes = 1, MessagesPerMonth = 2 },
                Features = new() { [Features.OfficeHours] = true },
            },
            ["business"] = new PlanDefinitionOptions { Features = Features.All.ToDictionary(f => f, _ => true) },
        },
    });

    private sealed class Usage : IPlanUsageReader
    {
        public int Projects { get; init; }
        public StoredDocuments Stored { get; init; } = new(0, 0);
        public MessageCounts Messages { get; init; } = new(0, 0);
        public Guid? ExcludedDocument { get; private set; }
        public BillingPeriod? CountedPeriod { get; private set; }
        public int Queries { get; private set; }

        public Task<int> CountProjectsAsync(CancellationToken cancellationToken)
        {
            Queries++;
            return Task.FromResult(Projects);
        }

        public Task<StoredDocuments> StoredDocumentsAsync(Guid? excludingDocumentId, CancellationToken cancellationToken)
        {
            Queries++;
            ExcludedDocument = excludingDocumentId;
            return Task.FromResult(Stored);
        }

        public Task<MessageCounts> CountMessagesAsync(BillingPeriod period, CancellationToken cancellationToken)
        {
            Queries++;
            CountedPeriod = period;
            return Task.FromResult(Messages);
        }
    }

    private sealed class Company(string? plan) : IReadStore, IRequestContext
    {
        public Guid TenantId { get; } = Guid.NewGuid();
        public Guid UserId => Guid.Empty;
        public CompanyRole? Role => null;
        public ApiKeyCaller? ApiKey => null;
        public string? OwnOrigin => null;

        public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class =>
            Task.FromResult(id == TenantId ? new CompanyDetails { Id = id, Plan = plan } as T : null);

        public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class => Task.FromResult<T?>(null);

        public Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();
    }

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static PlanGuard Guard(Usage usage, string? plan = "free")
    {
        var company = new Company(plan);
        return new PlanGuard(new CompanyPlans(company, company, Catalog), usage, new Clock());
    }

    [Test]
    public async Task A_feature_outside_the_plan_is_forbidden_naming_the_feature_and_the_plan()
    {
        var guard = Guard(new Usage());

        (await guard.AllowsAsync(Features.Webhooks, CancellationToken.None)).Should().BeFalse();
        (await guard.AllowsAsync(Features.OfficeHours, CancellationToken.None)).Should().BeTrue();
        var refused = await FluentActions.Awaiting(() => guard.EnsureAllowsAsync(Features.Webhooks, CancellationToken.None))
            .Should().ThrowAsync<ForbiddenException>();
        refused.Which.Code.Should().Be("plan_forbidden");
        refused.Which.Message.Should().Be("The free plan does not include the webhooks feature.");
    }

    [Test]
    public async Task A_company_without_an_assigned_plan_has_the_default_one()
    {
        var guard = Guard(new Usage { Projects = 50 }, plan: null);

        (await guard.AllowsAsync(Features.ApiAccess, CancellationToken.None)).Should().BeTrue();
        await guard.EnsureCanAddProjectAsync(CancellationToken.None);
    }

    [Test]
    public async Task The_last_project_the_plan_allows_can_be_created_and_no_more()
    {
        await Guard(new Usage { Projects = 0 }).EnsureCanAddProjectAsync(CancellationToken.None);

        var refused = await FluentActions.Awaiting(() => Guard(new Usage { Projects = 1 }).EnsureCanAddProjectAsync(CancellationToken.None))
            .Should().ThrowAsync<ForbiddenException>();
        refused.Which.Code.Should().Be("plan_limit_reached");
        refused.Which.Message.Should().Contain("The free plan allows 1 project;");
    }

    [Test]
    public async Task Documents_are_counted_with_the_new_ones()
    {
        await Guard(new Usage { Stored = new(1, 0) }).EnsureCanStoreAsync(2, 0, null, CancellationToken.None);

        var refused = await FluentActions.Awaiting(() => Guard(new Usage { Stored = new(2, 0) }).EnsureCanStoreAsync(2, 0, null, CancellationToken.None))
            .Should().ThrowAsync<ForbiddenException>();
        refused.Which.Code.Should().Be("plan_limit_reached");
        refused.Which.Message.Should().Contain("allows 3 documents and the workspace has 2");
    }

    [Test]
    public async Task Stored_bytes_may_reach_the_limit_but_not_pass_it()
    {
        const long megabyte = 1024 * 1024;
        await Guard(new Usage { Stored = new(1, megabyte - 10) }).EnsureCanStoreAsync(1, 10, null, CancellationToken.None);

        var refused = await FluentActions.Awaiting(() => Guard(new Usage { Stored = new(1, megabyte - 10) }).EnsureCanStoreAsync(1, 11, null, CancellationToken.None))
            .Should().ThrowAsync<ForbiddenException>();
        refused.Which.Code.Should().Be("plan_limit_reached");
        refused.Which.Message.Should().Contain("1 MB");
    }

    [Test]
    public async Task A_new_version_counts_its_bytes_instead_of_the_old_ones_and_adds_no_document()
    {
        var documentId = Guid.NewGuid();
        var usage = new Usage { Stored = new(3, 1000) }; // already at the document limit, without the replaced document's bytes

        await Guard(usage).EnsureCanStoreAsync(1, 2000, documentId, CancellationToken.None);

        usage.ExcludedDocument.Should().Be(documentId);
    }

    [Test]
    public async Task The_months_messages_may_be_used_up_then_the_visitor_is_told_plainly_until_the_next_month()
    {
        var within = new Usage { Messages = new(1, 40) };
        await Guard(within).EnsureMessageQuotaAsync(CancellationToken.None);
        within.CountedPeriod.Should().Be(new BillingPeriod(new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var refused = await FluentActions.Awaiting(() => Guard(new Usage { Messages = new(2, 0) }).EnsureMessageQuotaAsync(CancellationToken.None))
            .Should().ThrowAsync<TooManyRequestsException>();
        refused.Which.Code.Should().Be("message_quota_exceeded");
        refused.Which.Message.Should().StartWith("Sorry, this assistant has answered all the questions it can this month.");
        refused.Which.RetryAfter.Should().Be(TimeSpan.FromHours(1), "the quota renews at the start of January");
    }

    [Test]
    public async Task Unlimited_plans_count_nothing()
    {
        var usage = new Usage { Messages = new(1_000_000, 0) };

        await Guard(usage, plan: "business").EnsureMessageQuotaAsync(CancellationToken.None);
        await Guard(usage, plan: "business").EnsureCanStoreAsync(1000, long.MaxValue / 2, null, CancellationToken.None);

        usage.Queries.Should().Be(0, "no limit, no query");
    }
}
