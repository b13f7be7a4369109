using System.Text.RegularExpressions;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Projects;
using FluentValidation;

namespace CleanRag.Application.Projects.UpdateWidgetConfig;

/// <remarks>Rules name the fields as the body does (<c>color</c>, <c>officeHours.weekly[0].close</c>), without the command's <c>input</c>.</remarks>
public sealed partial class UpdateWidgetConfigCommandValidator : AbstractValidator<UpdateWidgetConfigCommand>
{
    private const string ColourFormat = "a colour like #4F46E5 (#RRGGBB)";

    public UpdateWidgetConfigCommandValidator()
    {
        RuleFor(c => c.Input).NotNull().OverridePropertyName("body").WithMessage("A JSON body with the settings to change is required.");
        When(c => c.Input is not null, () =>
        {
            RuleFor(c => c.Input.DisplayName).MaximumLength(100).OverridePropertyName("displayName")
                .WithMessage("displayName must be at most 100 characters.");
            RuleFor(c => c.Input.Color).Matches(HexColour()).OverridePropertyName("color").WithMessage($"color must be {ColourFormat}.");
            RuleFor(c => c.Input.GradientStops)
                .Must(stops => stops is null || stops.Count is >= 1 and <= WidgetSettings.MaxGradientStops)
                .WithMessage($"gradientStops must hold 1 to {WidgetSettings.MaxGradientStops} colours.")
                .Must(stops => stops is null || stops.All(stop => stop is not null && HexColour().IsMatch(stop)))
                .WithMessage($"every gradientStops entry must be {ColourFormat}.")
                .OverridePropertyName("gradientStops");
            RuleFor(c => c.Input.Position).Must(position => position is null || WidgetText.Positions.ContainsKey(position))
                .OverridePropertyName("position").WithMessage("position must be bottom-right or bottom-left.");
            RuleFor(c => c.Input.Welcome)
                .Must(welcome => welcome is null || !string.IsNullOrWhiteSpace(welcome)).WithMessage("welcome must not be blank.")
                .MaximumLength(1000).WithMessage("welcome must be at most 1000 characters.")
                .OverridePropertyName("welcome");
            RuleFor(c => c.Input.Avatar).Must(BeEmptyOrAnHttpsUrl).OverridePropertyName("avatar")
                .WithMessage("avatar must be an absolute https URL of at most 2048 characters (or empty to remove it).");
            RuleFor(c => c.Input.CustomCss)
                .MaximumLength(WidgetSettings.MaxCustomCssLength)
                .WithMessage($"customCss must be at most {WidgetSettings.MaxCustomCssLength} characters.")
                // The widget puts this text inside its own <style> element. "</style" would end that element and let
                // the rest be read as HTML (script injection into every page embedding the widget); "@import" would
                // load style sheets from anywhere, outside the size limit and the owner's review.
                .Must(css => css is null || (!css.Contains("</style", StringComparison.OrdinalIgnoreCase)
                                             && !css.Contains("@import", StringComparison.OrdinalIgnoreCase)))
                .WithMessage("customCss must not contain </style or @import.")
                .OverridePropertyName("customCss");
            RuleFor(c => c.Input.OfficeHours!).SetValidator(new OfficeHoursInputValidator()).When(c => c.Input.OfficeHours is not null)
                .OverridePropertyName("officeHours");
        });
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();

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
            .WithMessage("officeHours.timeZone must be a known IANA time zone, like Europe/Paris.");
        RuleFor(h => h.ClosedMessage).Must(message => !string.IsNullOrWhiteSpace(message)).When(h => h.ClosedMessage is not null)
            .WithMessage("officeHours.closedMessage must not be blank.")
            .MaximumLength(1000).WithMessage("officeHours.closedMessage must be at most 1000 characters.");
        RuleFor(h => h.Weekly).Must(weekly => weekly!.Count <= MaxRanges).When(h => h.Weekly is not null)
            .WithMessage($"officeHours.weekly may hold at most {MaxRanges} ranges.");
        RuleForEach(h => h.Weekly).ChildRules(range =>
        {
            range.RuleFor(r => r.Day).Must(day => day is not null && WidgetText.Days.ContainsKey(day))
                .WithMessage("day must be monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
            range.RuleFor(r => r.Open).Must(open => WidgetText.ParseTime(open, allowEndOfDay: false) is not null)
                .WithMessage("open must be a time HH:mm from 00:00 to 23:59.");
            range.RuleFor(r => r.Close).Must(close => WidgetText.ParseTime(close, allowEndOfDay: true) is not null)
                .WithMessage("close must be a time HH:mm from 00:01 to 24:00.");
            range.RuleFor(r => r).Must(r => WidgetText.ParseTime(r.Open, false) < WidgetText.ParseTime(r.Close, true))
                .When(r => WidgetText.ParseTime(r.Open, false) is not null && WidgetText.ParseTime(r.Close, true) is not null)
                .OverridePropertyName("Close").WithMessage("close must be after open (a range ending after midnight is two ranges: until 24:00, then from 00:00).");
        }).When(h => h.Weekly is not null);
    }
}
