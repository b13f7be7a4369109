namespace CleanRag.Application.Search.Rewriting;

/// <summary>
/// The page a visitor asks from, as the widget describes it: its address and what it shows (title, product, …). It tells
/// the rewriter and the generator what "this" refers to; it is data from the customer's page, never instructions.
/// </summary>
public sealed record VisitorPage(string? Url, string? Context)
{
    /// <summary>The most of a page's description any prompt carries.</summary>
    public const int MaxContextLength = 2_000;

    /// <summary>A page only when the widget said something about it.</summary>
    public static VisitorPage? Of(string? url, string? context) =>
        string.IsNullOrWhiteSpace(url) && string.IsNullOrWhiteSpace(context) ? null : new VisitorPage(url, context);

    /// <summary>The page's description on one bounded line, or null when there is none.</summary>
    public string? BoundedContext()
    {
        if (string.IsNullOrWhiteSpace(Context))
            return null;
        var line = string.Join(' ', Context.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxContextLength ? line : line[..MaxContextLength];
    }
}
