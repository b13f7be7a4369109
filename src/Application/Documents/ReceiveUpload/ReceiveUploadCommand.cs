using Mediator;

namespace CleanRag.Application.Documents.ReceiveUpload;

/// <summary>The bytes PUT to a signed upload link. The link itself is the authorization.</summary>
public sealed record ReceiveUploadCommand(string Token, Stream Content) : ICommand<ReceivedUpload>;

public sealed record ReceivedUpload(Guid DocumentId, int Version, long SizeBytes, string ContentHash);
