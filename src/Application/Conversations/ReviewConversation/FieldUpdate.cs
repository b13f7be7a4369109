namespace CleanRag.Application.Conversations.ReviewConversation;

/// <summary>A field a PATCH sent: <see cref="Value"/> null clears it. A field the PATCH left out has no update and stays as it is.</summary>
public sealed record FieldUpdate<T>(T? Value);
