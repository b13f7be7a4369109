using System.Text.Json;
using System.Text.Json.Serialization;
using CleanRag.Api.Authentication;
using CleanRag.Api.Dashboard;
using CleanRag.Api.Endpoints;
using CleanRag.Api.Errors;
using CleanRag.Api.Logging;
using CleanRag.Api.OpenApi;
using CleanRag.Api.Plans;
using CleanRag.Api.Proxy;
using CleanRag.Api.Widget;
using CleanRag.Api.PublicChat;
using CleanRag.Application;
using CleanRag.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using CleanRag.Api.Telemetry;
using Scalar.AspNetCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteToConsole(context.Configuration));

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
builder.Services.AddDashboardAuthentication();
builder.Services.AddWidget();
builder.Services.AddSingleton(DashboardFiles.LoadFromOutputDirectory());
builder.Services.AddPlans(builder.Configuration);
builder.Services.AddPublicChat();
var behindProxies = builder.Services.AddTrustedProxies(builder.Configuration);

builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});
// Malformed JSON and other binding failures throw, so the exception handler can answer with the error shape.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// Uploads are limited by Documents:MaxFileBytes (413); let the server accept bodies up to that size.
var maxUploadBytes = builder.Configuration.GetValue<long?>("Documents:MaxFileBytes") ?? 50L * 1024 * 1024;
var maxRequestBodyBytes = maxUploadBytes + 1024 * 1024;
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes;
    kestrel.ConfigureEndpointDefaults(listen => listen.UseErrorShapeForRejections());
});
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = maxUploadBytes * 20);
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddProblemDetails();

builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer<SecuritySchemeTransformer>();
    options.AddOperationTransformer<SecuritySchemeTransformer>();
    options.AddOperationTransformer(EventStreamAlternative.Marker);
});
builder.Services.AddCleanRagTelemetry(builder.Configuration);

var app = builder.Build();

if (OperatorCommandLine.Handles(args))
    return await OperatorCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);

// Outermost, so the request log sees the status the client got (not the exception on its way to the handler).
if (behindProxies)
    app.UseForwardedHeaders();
app.UseRequestLogging();
app.UseTraceIdHeader();
app.UseExceptionHandler();
app.UseStatusCodePages(async context =>
{
    var response = context.HttpContext.Response;
    if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
        return;
    await response.WriteAsJsonAsync(StatusCodeErrors.For(context.HttpContext));
});
app.UseMiddleware<RequestSizeGuard>(maxRequestBodyBytes);
app.UseAuthentication();
app.UseMiddleware<CallerResolutionMiddleware>();
app.UseMiddleware<OwnOrigin>();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs");
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapCompanyEndpoints();
app.MapProjectEndpoints();
app.MapDocumentEndpoints();
app.MapConversationEndpoints();
app.MapChatEndpoints();
app.MapWidgetConversationEndpoints();
app.MapApiKeyEndpoints();
app.MapActivityEndpoints();
app.MapAnalyticsEndpoints();
app.MapWebhookEndpoints();
app.MapEvaluationEndpoints();
app.MapLeadEndpoints();
app.MapWidgetEndpoints();
app.MapBillingEndpoints();
app.MapDashboardAppEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
