using CleanRag.Application.Conversations.Inbox;
using FluentValidation;

namespace CleanRag.Application.Conversations.ExportInbox;

public sealed class ExportInboxQueryValidator : AbstractValidator<ExportInboxQuery>
{
    public ExportInboxQueryValidator()
    {
        this.AddInboxFilterRules();
        RuleFor(q => q.Format).Must(f => f is ExportInboxQuery.Csv or ExportInboxQuery.JsonLines)
            .WithName("format").WithMessage("format must be csv or jsonl.");
    }
}
