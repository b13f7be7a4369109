using System.IO.Compression;
using System.Text;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// What a file's bytes say it is, whatever its name and declared type claim: a PDF renamed to .txt is still read
/// as a PDF, and binary data is never indexed as text.
/// </summary>
internal static class ContentSignatures
{
    private const int SniffedBytes = 8 * 1024;

    /// <summary>PDF readers accept the header anywhere in the first kilobyte.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) =>
        content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>An Office Open XML package whose [Content_Types].xml declares <paramref name="mainPartType"/>.</summary>
    public static bool IsOfficePackage(byte[] content, string mainPartType)
    {
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8))
            return false;
        try
        {
            using var package = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (package.GetEntry("[Content_Types].xml") is not { Length: < 1024 * 1024 } types)
                return false;
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            return reader.ReadToEnd().Contains(mainPartType, StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return false; // not a readable zip: let the named format's reader report it
        }
    }

    /// <summary>
    /// Binary rather than text: a NUL byte among the first 8 KB, as git decides. UTF-16 and UTF-32 text (which has
    /// NULs) is recognised by its byte-order mark.
    /// </summary>
    public static bool IsBinary(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return false;
        return content[..Math.Min(content.Length, SniffedBytes)].IndexOf((byte)0) >= 0;
    }
}
