using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CleanRag.Api.Widget;

/// <summary>
/// The widget bundle (<c>Widget/widget.js</c> in the output directory), read and gzipped once at start-up: it only
/// changes with a deploy, and every embedding page asks for it, so no request pays for reading or compressing it.
/// </summary>
internal sealed class WidgetScript
{
    public const string ContentType = "text/javascript; charset=utf-8";

    private WidgetScript(ScriptRepresentation identity, ScriptRepresentation gzip)
    {
        Identity = identity;
        Gzip = gzip;
    }

    /// <summary>The file as written.</summary>
    public ScriptRepresentation Identity { get; }

    /// <summary>The file gzipped. A strong ETag names one exact body, so this one has a tag of its own.</summary>
    public ScriptRepresentation Gzip { get; }

    public static WidgetScript Load(string path)
    {
        var content = File.ReadAllBytes(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..32];
        return new WidgetScript(
            new ScriptRepresentation(content, new EntityTagHeaderValue($"\"{hash}\""), ContentEncoding: null),
            new ScriptRepresentation(Compress(content), new EntityTagHeaderValue($"\"{hash}-gzip\""), ContentEncoding: "gzip"));
    }

    public static WidgetScript LoadFromOutputDirectory() => Load(Path.Combine(AppContext.BaseDirectory, "Widget", "widget.js"));

    /// <summary>The gzipped body when the client accepts gzip (or any coding) with a non-zero quality, the plain one otherwise.</summary>
    public ScriptRepresentation For(IList<StringWithQualityHeaderValue> acceptEncoding)
    {
        var gzip = acceptEncoding.FirstOrDefault(coding => coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                   ?? acceptEncoding.FirstOrDefault(coding => coding.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && (gzip.Quality ?? 1) > 0 ? Gzip : Identity;
    }

    private static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
            gzip.Write(content);
        return buffer.ToArray();
    }
}

internal sealed record ScriptRepresentation(byte[] Content, EntityTagHeaderValue ETag, string? ContentEncoding);
