using CleanRag.Application.Common;
using CleanRag.Application.Common.Behaviours;
using CleanRag.Application.Common.Interfaces;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators and pipeline behaviours. The mediator itself is source-generated in the composition
    /// root (CleanRag.Api), which calls AddMediator.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
        services.AddScoped<AggregateHistoryReader>();
        services.AddScoped<Auth.AuthTokens>();
        services.AddScoped<Chat.ChatPipeline>();
        services.AddScoped<Chat.Answering.PassageRetrieval>();
        services.AddScoped<Chat.Answering.AnswerGeneration>();
        services.AddScoped<Chat.Answering.TurnRecorder>();
        services.AddScoped<Chat.ICitationLinks, Chat.Answering.SignedCitationLinks>();
        services.AddScoped<Chat.Answering.CitationResolver>();
        services.AddScoped<Chat.WidgetConversationAccess>();
        services.AddScoped<Companies.InviteUser.InviteDelivery>();
        services.AddScoped<ApiKeys.ApiKeyIssuer>();
        services.AddScoped<Documents.DocumentIngestionQueue>();
        services.AddScoped<Projects.DeployReadinessReader>();
        services.AddScoped<Projects.ReembedProject.ProjectReembedder>();
        services.AddSingleton<Projects.ReembedProject.ReembeddingProgress>();
        services.AddScoped<Plans.CompanyPlans>();
        services.AddScoped<Plans.PlanGuard>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);

        // Order matters: outermost first.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));
        return services;
    }
}
