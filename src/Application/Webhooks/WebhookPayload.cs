using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanRag.Application.Webhooks;

/// <summary>
/// The JSON body of every webhook POST: <c>{id, type, createdAt, projectId, data}</c>, camelCase. <see cref="Id"/>
/// identifies the event (the same for every subscription, attempt and redelivery of it).
/// </summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTimeOffset CreatedAt, Guid ProjectId, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
