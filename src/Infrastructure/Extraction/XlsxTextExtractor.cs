using CleanRag.Application.Documents.Ingestion;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CleanRag.Infrastructure.Extraction;

/// <summary>
/// Excel: one "page" per sheet (sheet order = page number) headed by the sheet name; the first non-empty
/// row is taken as the header and each following row becomes "header: value; ...". Numbers and dates are
/// the stored values (number formats are not applied).
/// </summary>
public sealed class XlsxTextExtractor : FileTextExtractor
{
    protected override IReadOnlyCollection<string> Extensions { get; } = [".xlsx", ".xlsm"];
    protected override IReadOnlyCollection<string> ContentTypes { get; } = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    internal override bool RecognizesContent(byte[] content) => ContentSignatures.IsOfficePackage(content, "spreadsheetml.sheet.main+xml");

    internal override bool IsTextFormat => false;

    protected override ExtractedDocument Extract(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        using var spreadsheet = SpreadsheetDocument.Open(new MemoryStream(content), false, OpenXmlLimits.ReadOnly);
        var workbook = spreadsheet.WorkbookPart
            ?? throw new ExtractionFailedException("corrupt_file", $"{fileName} has no workbook part.");
        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        var collector = new BlockCollector();
        for (var index = 0; index < sheets.Count; index++)
        {
            var page = index + 1;
            var sheet = sheets[index];
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
                continue;
            collector.ResetHeadings();
            collector.AddHeading(1, sheet.Name?.Value ?? $"Sheet {page}", page);
            string[]? header = null;
            foreach (var row in worksheet.Worksheet?.Descendants<Row>() ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                var values = RowValues(row, sharedStrings);
                if (values.All(string.IsNullOrWhiteSpace))
                    continue;
                if (header is null)
                {
                    header = values.Select((name, i) => string.IsNullOrWhiteSpace(name) ? ColumnName(i) : name.Trim()).ToArray();
                    collector.Add(string.Join(" | ", header), TextBlockKind.TableRow, page);
                    continue;
                }
                var fields = values
                    .Select((value, i) => (Name: i < header.Length ? header[i] : ColumnName(i), Value: value.Trim()))
                    .Where(f => f.Value.Length > 0)
                    .Select(f => $"{f.Name}: {f.Value}");
                collector.Add(string.Join("; ", fields), TextBlockKind.TableRow, page);
            }
        }
        var title = spreadsheet.PackageProperties.Title is { Length: > 0 } t ? t : null;
        return new ExtractedDocument(collector.Blocks, sheets.Count, title);
    }

    /// <summary>Cells placed by their column reference: rows store only non-empty cells.</summary>
    private static List<string> RowValues(Row row, string[] sharedStrings)
    {
        var values = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? values.Count;
            if (column > 16_384)
                continue;
            while (values.Count <= column)
                values.Add("");
            values[column] = CellText(cell, sharedStrings);
        }
        return values;
    }

    private static string CellText(Cell cell, string[] sharedStrings)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : "";
        if (type == CellValues.InlineString)
            return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            index = index * 26 + (c - 'A' + 1);
            if (++letters > 3)
                return null;
        }
        return letters == 0 ? null : index - 1;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
