namespace CleanRag.Application.Documents;

/// <summary>Rules for uploaded file names: a plain name, never a path.</summary>
public static class FileNames
{
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public static bool IsSafe(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.Length <= 255
        && fileName == fileName.Trim()
        && fileName is not "." and not ".."
        && !fileName.Contains("..", StringComparison.Ordinal)
        && fileName.IndexOfAny(Forbidden) < 0
        && !fileName.Any(char.IsControl);

    public const string Rule = "must be a plain file name (no path characters such as / \\ .. : * ? \" < > |), at most 255 characters";
}
