using System.Runtime.CompilerServices;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Plans;
using CleanRag.Application.Webhooks;
using FluentValidation;

namespace CleanRag.Application.Tests.Common.Validation;

/// <summary>
/// JSON bodies can set any field to null, whatever the C# types say. Every validator must report that as a
/// validation failure, never throw (a thrown NullReferenceException used to answer 500).
/// </summary>
public class ValidatorRobustnessTests
{
    private static IEnumerable<Type> ValidatorTypes() =>
        typeof(Application.DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t));

    [TestCaseSource(nameof(ValidatorTypes))]
    public async Task A_request_whose_every_field_is_null_is_reported_not_thrown(Type validatorType)
    {
        var validator = (IValidator)Activator.CreateInstance(validatorType, ConstructorArguments(validatorType))!;
        var requestType = validatorType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).GetGenericArguments()[0];
        var request = RuntimeHelpers.GetUninitializedObject(requestType);

        var validate = async () => await validator.ValidateAsync(new ValidationContext<object>(request));

        await validate.Should().NotThrowAsync();
    }

    private static object[] ConstructorArguments(Type validatorType) =>
        validatorType.GetConstructors().Single().GetParameters()
            .Select(p => p.ParameterType switch
            {
                var t when t == typeof(ITextExtractor) => (object)new AnyTextExtractor(),
                var t when t == typeof(IWebhookUrlGuard) => new PermissiveUrlGuard(),
                var t when t == typeof(TimeProvider) => TimeProvider.System,
                var t when t == typeof(PlanCatalog) => PlanCatalog.From(new PlanOptions
                {
                    DefaultPlan = "free", Definitions = new() { ["free"] = new PlanDefinitionOptions() },
                }),
                var t => throw new InvalidOperationException($"Give {validatorType.Name} a test {t.Name}."),
            })
            .ToArray();

    private sealed class AnyTextExtractor : ITextExtractor
    {
        public bool CanExtract(string fileName, string? contentType) => true;

        public Task<ExtractedDocument> ExtractAsync(Stream content, string fileName, string? contentType, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class PermissiveUrlGuard : IWebhookUrlGuard
    {
        public bool AllowsHttp => true;

        public Task<string?> FindUnsafeTargetAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
