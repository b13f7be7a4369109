using System.Text.RegularExpressions;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Projects;
using FluentValidation;

namespace CleanRag.Application.Projects.UpdateWidgetConfig;

public sealed partial class UpdateWidgetConfigCommandValidator : AbstractValidator<UpdateWidgetConfigCommand>
{
    public UpdateWidgetConfigCommandValidator()
    {
        RuleFor(c => c.Input).NotNull().WithName("body").WithMessage("The body must be a JSON object of widget settings.");
        RuleFor(c => c.Input).SetValidator(new WidgetConfigInputValidator()).When(c => c.Input is not null);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    internal static partial Regex HexColour();
}

public sealed class WidgetConfigInputValidator : AbstractValidator<WidgetConfigInput>
{
    private const string ColourFormat = "a colour like #4F46E5 (#RRGGBB)";

    public WidgetConfigInputValidator()
    {
        RuleFor(i => i.DisplayName).MaximumLength(100).WithName("displayName").WithMessage("displayName must be at most 100 characters.");
        RuleFor(i => i.Color).Matches(UpdateWidgetConfigCommandValidator.HexColour()).WithName("color")
            .WithMessage($"color must be {ColourFormat}.");
        RuleFor(i => i.GradientStops)
            .Must(stops => stops!.Count is >= 1 and <= WidgetSettings.MaxGradientStops).When(i => i.GradientStops is not null)
            .WithName("gradientStops").WithMessage($"gradientStops must hold 1 to {WidgetSettings.MaxGradientStops} colours.")
            .Must(stops => stops!.All(stop => stop is not null && UpdateWidgetConfigCommandValidator.HexColour().IsMatch(stop))).When(i => i.GradientStops is not null)
            .WithName("gradientStops").WithMessage($"every gradientStops entry must be {ColourFormat}.");
        RuleFor(i => i.Position).Must(position => WidgetText.Positions.ContainsKey(position!)).When(i => i.Position is not null)
            .WithName("position").WithMessage("position must be bottom-right or bottom-left.");
        RuleFor(i => i.Welcome).Must(welcome => !string.IsNullOrWhiteSpace(welcome)).When(i => i.Welcome is not null)
            .WithName("welcome").WithMessage("welcome must not be blank.")
            .MaximumLength(1000).WithName("welcome").WithMessage("welcome must be at most 1000 characters.");
        RuleFor(i => i.Avatar).Must(BeEmptyOrAnHttpsUrl).WithName("avatar")
            .WithMessage("avatar must be an absolute https URL of at most 2048 characters (or empty to remove it).");
        RuleFor(i => i.CustomCss)
            .MaximumLength(WidgetSettings.MaxCustomCssLength).WithName("customCss")
            .WithMessage($"customCss must be at most {WidgetSettings.MaxCustomCssLength} characters.")
            // The widget puts this text inside its own <style> element. "</style" would end that element and let
            // the rest be read as HTML (script injection into every page embedding the widget); "@import" would
            // load style sheets from anywhere, outside the size limit and the owner's review.
            .Must(css => css is null || (!css.Contains("</style", StringComparison.OrdinalIgnoreCase)
                                         && !css.Contains("@import", StringComparison.OrdinalIgnoreCase)))
            .WithName("customCss").WithMessage("customCss must not contain </style or @import.");
        RuleFor(i => i.OfficeHours!).SetValidator(new OfficeHoursInputValidator()).When(i => i.OfficeHours is not null);
    }

    private static bool BeEmptyOrAnHttpsUrl(string? avatar) =>
        avatar is null or ""
        || (avatar.Length <= 2048 && Uri.TryCreate(avatar, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo));
}

public sealed class OfficeHoursInputValidator : AbstractValidator<OfficeHoursInput>
{
    private const int MaxRanges = 50;

    public OfficeHoursInputValidator()
    {
        RuleFor(h => h.TimeZone).Must(zone => zone!.Length <= 100 && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .When(h => h.TimeZone is not null)
            .WithName("officeHours.timeZone").WithMessage("officeHours.timeZone must be a known IANA time zone, like Europe/Paris.");
        RuleFor(h => h.ClosedMessage).Must(message => !string.IsNullOrWhiteSpace(message)).When(h => h.ClosedMessage is not null)
            .WithName("officeHours.closedMessage").WithMessage("officeHours.closedMessage must not be blank.")
            .MaximumLength(1000).WithName("officeHours.closedMessage").WithMessage("officeHours.closedMessage must be at most 1000 characters.");
        RuleFor(h => h.Weekly).Must(weekly => weekly!.Count <= MaxRanges).When(h => h.Weekly is not null)
            .WithName("officeHours.weekly").WithMessage($"officeHours.weekly may hold at most {MaxRanges} ranges.");
        RuleForEach(h => h.Weekly).ChildRules(range =>
        {
            range.RuleFor(r => r.Day).Must(day => day is not null && WidgetText.Days.ContainsKey(day))
                .WithName("day").WithMessage("day must be monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
            range.RuleFor(r => r.Open).Must(open => WidgetText.ParseTime(open, allowEndOfDay: false) is not null)
                .WithName("open").WithMessage("open must be a time HH:mm from 00:00 to 23:59.");
            range.RuleFor(r => r.Close).Must(close => WidgetText.ParseTime(close, allowEndOfDay: true) is not null)
                .WithName("close").WithMessage("close must be a time HH:mm from 00:01 to 24:00.");
            range.RuleFor(r => r).Must(r => WidgetText.ParseTime(r.Open, false) < WidgetText.ParseTime(r.Close, true))
                .When(r => WidgetText.ParseTime(r.Open, false) is not null && WidgetText.ParseTime(r.Close, true) is not null)
                .WithName("close").WithMessage("close must be after open (a range ending after midnight is two ranges: until 24:00, then from 00:00).");
        }).When(h => h.Weekly is not null);
    }
}
