using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanRag.Api.Json;

/// <summary>
/// A field of a PATCH body that tells "sent as null" (clear it) from "not sent" (leave it): <see cref="IsSet"/> is true whenever
/// the body had the property, whatever its value. A value of the wrong type is a JSON error (400 <c>malformed_json</c>).
/// </summary>
[JsonConverter(typeof(PatchFieldConverterFactory))]
public readonly record struct PatchField<T>(bool IsSet, T? Value);

internal sealed class PatchFieldConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(PatchField<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(PatchFieldConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    /// <summary>Called only for properties present in the body (null included: a value type's converter handles null).</summary>
    private sealed class PatchFieldConverter<T> : JsonConverter<PatchField<T>>
    {
        public override PatchField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(true, JsonSerializer.Deserialize<T>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, PatchField<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
