using Mediator;

namespace CleanRag.Application.Documents.OpenFile;

/// <summary>Opens a file through a signed preview link; the link itself is the authorization.</summary>
public sealed record OpenFileQuery(string Token) : IQuery<OpenedFile>;

public sealed record OpenedFile(Stream Content, string FileName, string ContentType);
