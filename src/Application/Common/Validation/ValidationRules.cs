using FluentValidation;

namespace CleanRag.Application.Common.Validation;

/// <summary>Field rules shared by several validators, with the messages clients see.</summary>
public static class ValidationRules
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Deep enough for any inbox, low enough that the offset (page - 1) × pageSize never overflows.</summary>
    public const int MaxPage = 10_000;

    public const int MaxPageSize = 200;

    /// <summary>Session and visitor ids chosen by the caller's own systems.</summary>
    public const int MaxClientIdLength = 200;

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"page must be between 1 and {MaxPage}.");

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPageSize).WithMessage($"pageSize must be between 1 and {MaxPageSize}.");

    /// <summary>The highest <c>questionMaxLength</c> a project may set; the project's own limit is checked when answering.</summary>
    public const int MaxQuestionLength = 10_000;

    /// <summary>A visitor's message: present, not blank, and within the longest limit any project allows.</summary>
    public static IRuleBuilderOptions<T, string> ValidQuestion<T>(this IRuleBuilder<T, string> rule, string name) =>
        rule.Must(q => !string.IsNullOrWhiteSpace(q)).WithName(name).WithMessage($"{name} is required and must not be blank.")
            .MaximumLength(MaxQuestionLength).WithName(name).WithMessage($"{name} must be at most {MaxQuestionLength} characters.");

    /// <summary>A session or visitor id: bounded, since it is stored with every conversation.</summary>
    public static IRuleBuilderOptions<T, string?> ValidClientId<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.MaximumLength(MaxClientIdLength).WithName(name).WithMessage($"{name} must be at most {MaxClientIdLength} characters.");

    /// <summary>The longest URL stored from a client (a document's sourceUrl, the widget's page_url).</summary>
    public const int MaxUrlLength = 2_000;

    /// <summary>An optional absolute http(s) URL, such as a document's published address or the page a visitor is on.</summary>
    public static IRuleBuilderOptions<T, string?> ValidHttpUrl<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.Must(url => url is null || (url.Length <= MaxUrlLength && IsHttpUrl(url))).WithName(name)
            .WithMessage($"{name} must be an absolute http or https URL of at most {MaxUrlLength} characters.");

    private static bool IsHttpUrl(string url) =>
        url == url.Trim() && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host);

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("email is required.")
            .MaximumLength(254).WithMessage("email must be at most 254 characters.")
            .Must(BeAnEmail).WithMessage("email is not a valid email address.");

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("password is required.")
            .MinimumLength(MinimumPasswordLength).WithMessage($"password must be at least {MinimumPasswordLength} characters.")
            .MaximumLength(256).WithMessage("password must be at most 256 characters.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidOrigins<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(origins => origins is null || origins.Count <= 50).WithMessage("allowedOrigins may hold at most 50 origins.")
            .Must(origins => origins is null || origins.All(IsOrigin))
            .WithMessage("allowedOrigins must be origins like https://example.com or http://localhost:3000 (scheme://host[:port], no path).");

    /// <summary>An origin as browsers send it: http(s), a host, an optional port, nothing else.</summary>
    public static bool IsOrigin(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || origin != origin.Trim() || origin.EndsWith('/'))
            return false;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               && uri.Scheme is "http" or "https"
               && string.IsNullOrEmpty(uri.UserInfo)
               && uri.AbsolutePath == "/"
               && string.IsNullOrEmpty(uri.Query)
               && string.IsNullOrEmpty(uri.Fragment)
               && !string.IsNullOrEmpty(uri.Host);
    }

    private static bool BeAnEmail(string? email)
    {
        if (email is null)
            return false; // reported by NotEmpty
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
               && !email.Any(char.IsWhiteSpace) && email[(at + 1)..].Contains('.')
               && !email.EndsWith('.');
    }
}
