using System.Reflection;
using System.Runtime.CompilerServices;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Common;
using CleanRag.Infrastructure.Messaging;
using FluentValidation;
using Mediator;

namespace CleanRag.Architecture.Tests;

/// <summary>The table of layer and naming rules guarded in CI.</summary>
public static class ArchitectureRules
{
    private static readonly Assembly Domain = typeof(IDomainEvent).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Api.Errors.ErrorResponse).Assembly;

    /// <summary>Where endpoints live: CleanRag.Api.Endpoints and CleanRag.Api.PublicChat (and a violation namespace ending alike).</summary>
    private const string EndpointNamespaces = @"\.(Endpoints|PublicChat)$";

    /// <summary>Packages that belong to Infrastructure or the web host, never to the inner layers.</summary>
    private static readonly string[] OuterPackages =
    [
        "Marten", "JasperFx", "Weasel", "Npgsql", "MassTransit", "Lucene", "Microsoft.AspNetCore", "Microsoft.ML",
        "UglyToad.PdfPig", "DocumentFormat.OpenXml", "AngleSharp", "Markdig", "Polly", "OllamaSharp", "OpenAI",
    ];

    public static IEnumerable<ArchitectureRule> All() =>
    [
        new("Domain depends on nothing but the .NET base library",
            TypeScope.Layers(Domain), TypeScope.Violations("DomainDependency"),
            scope => Failing(scope.Types().Should()
                .OnlyHaveDependenciesOn("System", "Microsoft.CodeAnalysis", "CleanRag.Domain").GetResult())),

        new("Application references Domain only, never Infrastructure, Api or infrastructure packages",
            TypeScope.Layers(Application), TypeScope.Violations("ApplicationDependency"),
            scope => Failing(scope.Types().ShouldNot()
                .HaveDependencyOnAny(["CleanRag.Infrastructure", "CleanRag.Api", .. OuterPackages]).GetResult())),

        new("Infrastructure is never referenced by Domain or Application",
            TypeScope.Layers(Domain, Application), TypeScope.Violations("InfrastructureReference"),
            scope => Failing(scope.Types().ShouldNot().HaveDependencyOn("CleanRag.Infrastructure").GetResult())),

        new("Api is the only composition root: no other layer references it or builds the mediator",
            TypeScope.Layers(Domain, Application, Infrastructure), TypeScope.Violations("CompositionRoot"),
            scope => Failing(scope.Types().ShouldNot()
                .HaveDependencyOnAny("CleanRag.Api", "Mediator.Mediator", "Program").GetResult())),

        new("Endpoints never reference Infrastructure: they send Application requests and shape Api responses",
            TypeScope.Layers(Api), TypeScope.Violations("EndpointDependency"),
            scope => Failing(scope.Types().And().ResideInNamespaceMatching(EndpointNamespaces).ShouldNot()
                .HaveDependencyOnAny(["CleanRag.Infrastructure", .. OuterPackages.Except(["Microsoft.AspNetCore"])]).GetResult())),

        new("Commands end in Command",
            TypeScope.Layers(Application), TypeScope.Violations("Naming"),
            scope => NamedWrongly(scope, t => Implements(t, typeof(ICommand<>), typeof(ICommand)), "Command")),

        new("Queries end in Query",
            TypeScope.Layers(Application), TypeScope.Violations("Naming"),
            scope => NamedWrongly(scope, t => Implements(t, typeof(IQuery<>)), "Query")),

        new("Handlers end in Handler",
            TypeScope.Layers(Application), TypeScope.Violations("Naming"),
            scope => NamedWrongly(scope,
                t => Implements(t, typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>)), "Handler")),

        new("Validators end in Validator",
            TypeScope.Layers(Application), TypeScope.Violations("Naming"),
            scope => NamedWrongly(scope, t => Inherits(t, typeof(AbstractValidator<>)), "Validator")),

        new("Every handler sits in its use case's folder, beside its request (CleanRag.Application.<Area>.<UseCase>)",
            TypeScope.Layers(Application), TypeScope.Violations("UseCaseFolders"),
            scope => scope.ReflectedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false })
                .SelectMany(handler => HandledRequests(handler).Select(request => (handler, request)))
                .Where(pair => pair.handler.Namespace != pair.request.Namespace || pair.request.Namespace!.Split('.').Length < 4)
                .Select(pair => $"{pair.handler.FullName} handles {pair.request.FullName}").ToList()),

        new("Domain events are sealed, immutable records",
            TypeScope.Layers(Domain), TypeScope.Violations("Events"),
            scope => scope.ReflectedTypes()
                .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t.IsClass)
                .Where(t => !t.IsSealed || !IsRecord(t) || HasMutableState(t))
                .Select(t => t.FullName!).ToList()),

        new("A message API keys may send ([AllowApiKey]) is a dashboard message ([Authorize]) kept to the key's project (IProjectScoped or IProjectFiltered)",
            TypeScope.Layers(Application), TypeScope.Violations("ApiKeyScope"),
            scope => scope.ReflectedTypes()
                .Where(t => t.IsDefined(typeof(AllowApiKeyAttribute), inherit: false))
                .Where(t => !t.IsDefined(typeof(AuthorizeAttribute), inherit: false)
                            || !(typeof(IProjectScoped).IsAssignableFrom(t) || typeof(IProjectFiltered).IsAssignableFrom(t)))
                .Select(t => t.FullName!).ToList()),

        new("Domain event handlers live in Application, and only Infrastructure's generic consumer receives domain events",
            TypeScope.Layers(Domain, Application, Infrastructure, Api), TypeScope.Violations("Reactions"),
            scope => scope.ReflectedTypes()
                .Where(t => (Implements(t, typeof(IDomainEventHandler<>)) && t.Assembly != Application)
                            || (ConsumesDomainEvents(t) && !(t.IsGenericType && t.GetGenericTypeDefinition() is var open
                                                                 && (open == typeof(DomainEventConsumer<,>) || open == typeof(DomainEventBatchConsumer<,>)))))
                .Select(t => t.FullName!).ToList()),
    ];

    private static IReadOnlyList<string> Failing(NetArchTest.Rules.TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed type)"];

    private static IReadOnlyList<string> NamedWrongly(TypeScope scope, Func<Type, bool> isKind, string suffix) =>
        scope.ReflectedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && isKind(t) && !t.Name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(t => t.FullName!).ToList();

    private static IEnumerable<Type> HandledRequests(Type handler) =>
        handler.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() is var open
                        && (open == typeof(ICommandHandler<,>) || open == typeof(ICommandHandler<>) || open == typeof(IQueryHandler<,>)))
            .Select(i => i.GetGenericArguments()[0]);

    private static bool Implements(Type type, params Type[] interfaces) =>
        type.GetInterfaces().Any(i => interfaces.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i));

    private static bool Inherits(Type type, Type openGeneric)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openGeneric)
                return true;
        }
        return false;
    }

    private static bool ConsumesDomainEvents(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MassTransit.IConsumer<>)
                                      && i.GetGenericArguments()[0] is { IsGenericType: true } message
                                      && (message.GetGenericTypeDefinition() == typeof(DomainEventEnvelope<>)
                                          || (message.GetGenericTypeDefinition() == typeof(MassTransit.Batch<>)
                                              && message.GetGenericArguments()[0] is { IsGenericType: true } batched
                                              && batched.GetGenericTypeDefinition() == typeof(DomainEventEnvelope<>))));

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static bool HasMutableState(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(f => !f.IsInitOnly)
        || type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Any(p => p.SetMethod is { IsPublic: true } setter
                      && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)));
}
