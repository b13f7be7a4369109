// Types that break one rule each on purpose. They are never used; the architecture tests point each
// rule at its namespace here to prove that the rule can fail.
#pragma warning disable CA1812
using CleanRag.Domain.Common;
using FluentValidation;
using Mediator;

namespace CleanRag.Architecture.Tests.Violations.DomainDependency
{
    public sealed record EventThatKnowsTheDatabase(Marten.IDocumentSession Session) : IDomainEvent;
}

namespace CleanRag.Architecture.Tests.Violations.ApplicationDependency
{
    public sealed class HandlerThatPublishesDirectly(MassTransit.IBus bus)
    {
        public MassTransit.IBus Bus { get; } = bus;
    }
}

namespace CleanRag.Architecture.Tests.Violations.InfrastructureReference
{
    public static class UseCaseThatWiresInfrastructure
    {
        public static Type Wiring => typeof(CleanRag.Infrastructure.DependencyInjection);
    }
}

namespace CleanRag.Architecture.Tests.Violations.CompositionRoot
{
    public static class LibraryThatShapesHttpErrors
    {
        public static CleanRag.Api.Errors.ErrorResponse NotFound() => new("gone", "not_found", 404);
    }
}

namespace CleanRag.Architecture.Tests.Violations.EndpointDependency.Endpoints
{
    public static class EndpointThatReadsInfrastructureOptions
    {
        public static string Issuer(CleanRag.Infrastructure.Identity.AuthOptions options) => options.Issuer;
    }
}

namespace CleanRag.Architecture.Tests.Violations.Naming
{
    public sealed record RenameThing(string Name) : ICommand<Unit>;

    public sealed record ThingDetails(Guid Id) : IQuery<string>;

    public sealed class RenameThingProcessor : ICommandHandler<RenameThing, Unit>
    {
        public ValueTask<Unit> Handle(RenameThing command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
    }

    public sealed class RenameThingRules : AbstractValidator<RenameThing>;
}

namespace CleanRag.Architecture.Tests.Violations.UseCaseFolders.Requests
{
    public sealed record ArchiveThingCommand(Guid Id) : ICommand<Unit>;
}

namespace CleanRag.Architecture.Tests.Violations.UseCaseFolders.Handlers
{
    /// <summary>A handler kept in a grab-bag folder, away from the request it handles.</summary>
    public sealed class ArchiveThingCommandHandler : ICommandHandler<Requests.ArchiveThingCommand, Unit>
    {
        public ValueTask<Unit> Handle(Requests.ArchiveThingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
    }
}

namespace CleanRag.Architecture.Tests.Violations.Events
{
    public sealed record ThingRenamed : IDomainEvent
    {
        public string Name { get; set; } = "";
    }

    public class ThingDeleted : IDomainEvent;
}

namespace CleanRag.Architecture.Tests.Violations.Reactions
{
    /// <summary>A reaction decided outside Application: a newcomer would find it only by grep.</summary>
    public sealed class ArchiveNotifierHandler : CleanRag.Application.Common.Messaging.IDomainEventHandler<CleanRag.Domain.Projects.ProjectArchived>
    {
        public Task HandleAsync(
            CleanRag.Application.Common.Messaging.DomainEvent<CleanRag.Domain.Projects.ProjectArchived> notice, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    /// <summary>A consumer of domain events with decisions of its own, beside the generic one.</summary>
    public sealed class ArchiveNotifierConsumer
        : MassTransit.IConsumer<CleanRag.Application.Common.Messaging.DomainEventEnvelope<CleanRag.Domain.Projects.ProjectArchived>>
    {
        public Task Consume(
            MassTransit.ConsumeContext<CleanRag.Application.Common.Messaging.DomainEventEnvelope<CleanRag.Domain.Projects.ProjectArchived>> context) =>
            Task.CompletedTask;
    }
}

namespace CleanRag.Architecture.Tests.Violations.ApiKeyScope
{
    /// <summary>Opened to keys but not scoped: a key of one project would read every project of its company.</summary>
    [CleanRag.Application.Common.Security.Authorize(CleanRag.Domain.Companies.CompanyRole.Member)]
    [CleanRag.Application.Common.Security.AllowApiKey]
    public sealed record ListThingsQuery(Guid ProjectId) : IQuery<string>;
}
