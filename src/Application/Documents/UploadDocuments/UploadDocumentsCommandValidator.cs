using CleanRag.Application.Common.Validation;
using CleanRag.Application.Documents.Ingestion;
using FluentValidation;

namespace CleanRag.Application.Documents.UploadDocuments;

public sealed class UploadDocumentsCommandValidator : AbstractValidator<UploadDocumentsCommand>
{
    public UploadDocumentsCommandValidator(ITextExtractor extractor)
    {
        RuleFor(c => c.Files).NotEmpty().WithMessage("files: send at least one file (multipart field 'files').");
        RuleFor(c => c.SourceUrls).Must((c, urls) => urls is null || urls.Count == 0 || urls.Count == (c.Files?.Count ?? 0))
            .WithName("sourceUrl").WithMessage("sourceUrl: send one per file, in the order of the files, or none.");
        RuleForEach(c => c.SourceUrls).ValidHttpUrl("sourceUrl");
        RuleForEach(c => c.Files).ChildRules(file =>
        {
            file.RuleFor(f => f.FileName).Must(FileNames.IsSafe).WithMessage($"fileName {FileNames.Rule}.");
            file.RuleFor(f => f.Length).GreaterThan(0).WithMessage("the file is empty.");
            file.RuleFor(f => f.ContentType).Must(ContentTypes.IsValid).When(f => f.ContentType is not null)
                .WithMessage($"contentType {ContentTypes.Rule}.");
            file.RuleFor(f => f).Must(f => extractor.CanExtract(f.FileName, f.ContentType))
                .When(f => FileNames.IsSafe(f.FileName))
                .WithMessage(f => $"{f.FileName}: unsupported file type; send PDF, DOCX, PPTX, XLSX, HTML, Markdown, text, CSV or JSON.");
        });
    }
}
