using System.Text;
using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// CSV/TSV: the first record is the header; every other record becomes one block "column: value; ..."
/// so each row stays meaningful on its own once chunked. The delimiter is guessed from the header line.
/// </summary>
public sealed class CsvTextExtractor : FileTextExtractor
{
    protected override IReadOnlyCollection<string> Extensions { get; } = [".csv", ".tsv"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["text/csv", "text/tab-separated-values"];

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        var text = TextCleanup.Decode(content);
        var delimiter = Path.GetExtension(fileName).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : GuessDelimiter(text);
        var collector = new BlockCollector();
        string[]? header = null;
        foreach (var record in ReadRecords(text, delimiter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            if (header is null)
            {
                header = record.Select((name, i) => string.IsNullOrWhiteSpace(name) ? $"column {i + 1}" : name.Trim()).ToArray();
                continue;
            }
            var fields = record
                .Select((value, i) => (Name: i < header.Length ? header[i] : $"column {i + 1}", Value: value.Trim()))
                .Where(f => f.Value.Length > 0)
                .Select(f => $"{f.Name}: {f.Value}");
            collector.Add(string.Join("; ", fields), TextBlockKind.TableRow, page: null);
        }
        return new ExtractedDocument(collector.Blocks, PageCount: null);
    }

    private static char GuessDelimiter(string text)
    {
        var end = text.IndexOf('\n');
        var firstLine = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t', '|' }.MaxBy(d => firstLine.Count(c => c == d));
    }

    /// <summary>RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
    private static IEnumerable<string[]> ReadRecords(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return fields.ToArray();
        }
    }
}
