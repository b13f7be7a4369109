using CleanRag.Application.ApiKeys;
using CleanRag.Application.Auth;
using CleanRag.Application.Chat;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Infrastructure.ApiKeys;
using CleanRag.Infrastructure.RateLimiting;
using CleanRag.Infrastructure.Email;
using CleanRag.Application.Documents;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Chat;
using CleanRag.Infrastructure.Extraction;
using CleanRag.Infrastructure.Search;
using CleanRag.Infrastructure.Search.Elasticsearch;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CleanRag.Infrastructure.Health;
using CleanRag.Infrastructure.Storage;
using CleanRag.Infrastructure.Identity;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Infrastructure.Persistence;
using CleanRag.Infrastructure.Webhooks;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure;

public static class DependencyInjection
{
    public const string DatabaseHealthCheck = "database";
    public const string BrokerHealthCheck = "broker";

    /// <summary>
    /// Marten (event store, projections, daemon, bus forwarder), MassTransit on RabbitMQ and health checks.
    /// <paramref name="configureBus"/> lets a host add its own consumers.
    /// </summary>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        var connectionString = PostgresConnectionString.WithDefaults(configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not configured. Run build/run.sh, or set ConnectionStrings__Postgres."));
        var persistence = configuration.GetSection("Persistence").Get<PersistenceOptions>() ?? new PersistenceOptions();
        var rabbit = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

        services.AddSingleton(TimeProvider.System);
        // The bus is registered first so it starts before the daemon begins forwarding events to it.
        services.AddSingleton(rabbit);
        services.AddRabbitMqMessaging(rabbit, configureBus);
        services.AddMartenEventStore(connectionString, persistence);

        services.AddIdentityServices(configuration);
        services.AddPublicChatAccess(configuration);
        services.AddDocumentStorage(configuration);
        services.AddRetrieval(configuration);
        services.AddWebhooks(configuration);
        services.AddSingleton(Retention.RetentionOptions.From(configuration));
        services.AddHostedService<Retention.RetentionJob>();

        services.AddHealthChecks()
            .AddCheck(DatabaseHealthCheck, new PostgresHealthCheck(connectionString));
        services.AddSingleton<IDependencyOutageDetector, DependencyOutageDetector>();
        return services;
    }

    /// <summary>Extraction, the search engine, embeddings, rerank, rewrite and the generator, each chosen by configuration.</summary>
    private static void AddRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTextExtraction();
        switch (configuration["Search:Engine"]?.ToLowerInvariant() ?? "lucene")
        {
            case "lucene":
                services.AddEmbeddedSearch(configuration);
                break;
            case "elasticsearch":
                services.AddElasticsearchSearch(configuration);
                break;
            case var other:
                throw new InvalidOperationException($"Search:Engine '{other}' is unknown; use lucene or elasticsearch.");
        }
        services.AddAiProviders(configuration,
            _ => new HashingEmbeddingGenerator(AiConfiguration.ReadOptions(configuration).Embeddings.Hashing.Dimensions));
        services.AddReranking(configuration);
        services.AddQueryRewriting(configuration);
        // Without a configured language model, answers are composed extractively from the documents.
        services.TryAddSingleton<IChatClient, ExtractiveChatClient>();
    }

    /// <summary>API keys (peppered hashes), the widget's project directory and the rate limiter.</summary>
    private static void AddPublicChatAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
        var pepper = configuration["ApiKeys:Pepper"] is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : LocalSecrets.GetOrCreate(configuration, "api-key-pepper.key");
        services.AddSingleton<IApiKeyHasher>(new HmacApiKeyHasher(pepper));
        services.AddSingleton<IApiKeyAuthenticator, MartenApiKeyAuthenticator>();
        services.AddSingleton<IPublicProjectDirectory, MartenPublicProjectDirectory>();
        services.AddSingleton<Application.Conversations.IConversationDirectory, MartenConversationDirectory>();
        var store = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()?.Store.ToLowerInvariant() ?? "memory";
        switch (store)
        {
            case "memory":
                services.AddSingleton<IRateLimiter, InProcessRateLimiter>();
                break;
            case "postgres":
                var schema = configuration.GetSection("Persistence").Get<PersistenceOptions>()?.Schema ?? new PersistenceOptions().Schema;
                services.AddSingleton<IRateLimiter>(sp => new PostgresRateLimiter(
                    PostgresConnectionString.WithDefaults(configuration.GetConnectionString("Postgres")!), schema,
                    sp.GetRequiredService<TimeProvider>()));
                break;
            default:
                throw new InvalidOperationException($"RateLimits:Store '{store}' is not known: use memory or postgres.");
        }
    }

    private static void AddDocumentStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions());
        var dataDirectory = DataDirectory.Resolve(configuration);
        var sharedDirectory = DataDirectory.ResolveShared(configuration);
        services.AddHostedService(sp => new DataDirectoryStartupLog(dataDirectory, sharedDirectory, sp.GetRequiredService<ILogger<DataDirectoryStartupLog>>()));
        services.AddSingleton<IBlobStore>(new LocalBlobStore(Path.Combine(sharedDirectory, "blobs")));
        services.AddSingleton<ISignedLinks>(sp => new HmacSignedLinks(
            LocalSecrets.GetOrCreate(configuration, "link-signing.key"), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IUploadReceipts, MartenUploadReceipts>();
        services.AddSingleton<Ingestion.DocumentIndexer>();
        services.AddHostedService<Ingestion.IngestionBacklogMonitor>();
        services.AddSingleton<Application.Documents.Ingestion.IDocumentIndexer>(sp => sp.GetRequiredService<Ingestion.DocumentIndexer>());
    }

    private static void AddIdentityServices(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        auth.Lockout.Validate();
        services.AddSingleton(auth);
        services.AddSingleton(SigningKeyProvider.Resolve(auth, configuration));
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IRefreshTokenStore, MartenRefreshTokenStore>();
        services.AddSingleton<IPasswordResetTokens, MartenPasswordResetTokens>();
        services.AddSingleton(configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions());
        services.AddSingleton<ILoginThrottle, MartenLoginThrottle>();
        services.AddSingleton<IUserDirectory, MartenUserDirectory>();
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
            services.AddSingleton<IEmailSender, LoggingEmailSender>();
        else
            services.AddSingleton<IEmailSender>(sp => new SmtpEmailSender(smtp, sp.GetRequiredService<ILogger<SmtpEmailSender>>()));
        services.AddSingleton<ICallerLookup, MartenCallerLookup>();
    }
}
