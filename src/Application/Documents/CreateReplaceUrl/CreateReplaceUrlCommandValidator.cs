using FluentValidation;

namespace CleanRag.Application.Documents.CreateReplaceUrl;

public sealed class CreateReplaceUrlCommandValidator : AbstractValidator<CreateReplaceUrlCommand>
{
    public CreateReplaceUrlCommandValidator() =>
        RuleFor(c => c.FileName).Must(FileNames.IsSafe!).When(c => c.FileName is not null).WithMessage($"filename {FileNames.Rule}.");
}
