using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.ConfirmUpload;

/// <summary>Checks that the bytes of the pending version arrived and marks it uploaded.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ConfirmUploadCommand(Guid ProjectId, Guid DocumentId) : ICommand<DocumentDetails>, IProjectScoped;
