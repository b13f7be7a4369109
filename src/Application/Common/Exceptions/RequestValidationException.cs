namespace CleanRag.Application.Common.Exceptions;

/// <summary>The request is malformed: <see cref="Errors"/> holds the messages per field.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ApplicationErrorException("validation_failed", BuildMessage(errors))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Count == 0
            ? "The request is invalid."
            : string.Join(" ", errors.SelectMany(e => e.Value));
}
