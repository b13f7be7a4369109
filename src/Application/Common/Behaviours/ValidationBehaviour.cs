using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Refuses what no request may hold (<see cref="RequestInputGuard"/>), then runs every FluentValidation validator of
/// the message before its handler; all failures are reported together.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Validators may assume non-null list entries, so the guard's findings stop the request before they run.
        if (RequestInputGuard.FindProblems(message) is { Count: > 0 } unsafeInput)
            throw new RequestValidationException(unsafeInput);

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => ToCamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new RequestValidationException(errors);
        }

        return await next(message, cancellationToken);
    }

    private static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
