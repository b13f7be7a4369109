using CleanRag.Application.Common.Validation;
using CleanRag.Application.Documents.Ingestion;
using FluentValidation;

namespace CleanRag.Application.Documents.CreateUploadUrls;

public sealed class CreateUploadUrlsCommandValidator : AbstractValidator<CreateUploadUrlsCommand>
{
    public CreateUploadUrlsCommandValidator(ITextExtractor extractor)
    {
        RuleFor(c => c.Files).NotEmpty().WithMessage("files: name at least one file.")
            .Must(f => f is null || f.Count <= 100).WithMessage("files: at most 100 files per request.");
        RuleForEach(c => c.Files).ChildRules(file =>
        {
            file.RuleFor(f => f.FileName).Must(FileNames.IsSafe).WithMessage($"filename {FileNames.Rule}.");
            file.RuleFor(f => f.SourceUrl).ValidHttpUrl("sourceUrl");
            file.RuleFor(f => f.ContentType).Must(ContentTypes.IsValid).When(f => f.ContentType is not null)
                .WithMessage($"contentType {ContentTypes.Rule}.");
            file.RuleFor(f => f).Must(f => extractor.CanExtract(f.FileName, f.ContentType))
                .When(f => FileNames.IsSafe(f.FileName))
                .WithMessage(f => $"{f.FileName}: unsupported file type; send PDF, DOCX, PPTX, XLSX, HTML, Markdown, text, CSV or JSON.");
        });
    }
}
