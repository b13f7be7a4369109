using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Documents.CreateReplaceUrl;

public sealed class CreateReplaceUrlCommandValidator : AbstractValidator<CreateReplaceUrlCommand>
{
    public CreateReplaceUrlCommandValidator()
    {
        RuleFor(c => c.FileName).Must(FileNames.IsSafe!).When(c => c.FileName is not null).WithMessage($"filename {FileNames.Rule}.");
        RuleFor(c => c.ContentType).Must(ContentTypes.IsValid).When(c => c.ContentType is not null).WithMessage($"contentType {ContentTypes.Rule}.");
        RuleFor(c => c.SourceUrl).ValidHttpUrl("sourceUrl");
    }
}
