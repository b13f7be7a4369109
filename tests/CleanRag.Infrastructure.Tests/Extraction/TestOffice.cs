using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CleanRag.Infrastructure.Tests.Extraction;

/// <summary>Builds small Office files with the OpenXml SDK for extraction tests.</summary>
internal static class TestOffice
{
    /// <summary>Paragraphs given as (style id or null, text).</summary>
    public static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new W.Body();
            foreach (var (style, text) in paragraphs)
            {
                var paragraph = new W.Paragraph(new W.Run(new W.Text(text)));
                if (style is not null)
                    paragraph.PrependChild(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
                body.Append(paragraph);
            }
            body.Append(new W.Table(new W.TableRow(
                new W.TableCell(new W.Paragraph(new W.Run(new W.Text("Plan")))),
                new W.TableCell(new W.Paragraph(new W.Run(new W.Text("Deductible")))))));
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>Slides given as (title, body text).</summary>
    public static byte[] Pptx(params (string Title, string Body)[] slides)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentationPart = document.AddPresentationPart();
            var slideIds = new P.SlideIdList();
            uint id = 256;
            foreach (var (title, body) in slides)
            {
                var slidePart = presentationPart.AddNewPart<SlidePart>();
                slidePart.Slide = new P.Slide(new P.CommonSlideData(new P.ShapeTree(
                    new P.NonVisualGroupShapeProperties(
                        new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
                    new P.GroupShapeProperties(),
                    TextShape(2, title, P.PlaceholderValues.Title),
                    TextShape(3, body, null))));
                slideIds.Append(new P.SlideId { Id = id++, RelationshipId = presentationPart.GetIdOfPart(slidePart) });
            }
            presentationPart.Presentation = new P.Presentation(slideIds);
        }
        return stream.ToArray();
    }

    private static P.Shape TextShape(uint id, string text, P.PlaceholderValues? placeholder)
    {
        var application = new P.ApplicationNonVisualDrawingProperties();
        if (placeholder is { } type)
            application.Append(new P.PlaceholderShape { Type = type });
        return new P.Shape(
            new P.NonVisualShapeProperties(new P.NonVisualDrawingProperties { Id = id, Name = $"Shape {id}" }, new P.NonVisualShapeDrawingProperties(), application),
            new P.ShapeProperties(),
            new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text)))));
    }

    /// <summary>One sheet per entry; cells are shared strings except those that parse as numbers.</summary>
    public static byte[] Xlsx(params (string Name, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var shared = new List<string>();
            var sheetList = new S.Sheets();
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new S.SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new S.Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var value = rows[r][c];
                        if (value.Length == 0)
                            continue;
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
                            row.Append(new S.Cell { CellReference = reference, CellValue = new S.CellValue(value) });
                        else
                        {
                            shared.Add(value);
                            row.Append(new S.Cell { CellReference = reference, DataType = S.CellValues.SharedString, CellValue = new S.CellValue((shared.Count - 1).ToString()) });
                        }
                    }
                    data.Append(row);
                }
                worksheetPart.Worksheet = new S.Worksheet(data);
                sheetList.Append(new S.Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(worksheetPart) });
            }
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedPart.SharedStringTable = new S.SharedStringTable(shared.Select(s => new S.SharedStringItem(new S.Text(s))));
            workbookPart.Workbook = new S.Workbook(sheetList);
        }
        return stream.ToArray();
    }
}
