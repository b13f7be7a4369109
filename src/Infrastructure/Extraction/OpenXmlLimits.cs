using DocumentFormat.OpenXml.Packaging;

namespace CleanRag.Infrastructure.Extraction;

internal static class OpenXmlLimits
{
    /// <summary>Caps each XML part so a zip bomb cannot expand without bound while it is parsed.</summary>
    public static OpenSettings ReadOnly { get; } = new() { MaxCharactersInPart = 256L * 1024 * 1024 };
}
