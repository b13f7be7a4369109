using System.Text;

namespace CleanRag.Infrastructure.Tests.Extraction;

/// <summary>Writes minimal PDFs byte by byte (objects, cross-reference table, trailer) for tests.</summary>
internal static class TestPdf
{
    /// <summary>One page per entry, each showing its lines in Helvetica; an empty array gives a page with only a drawn box.</summary>
    public static byte[] WithPages(params string[][] pages) => Build(pages, encrypt: false);

    /// <summary>
    /// A PDF whose trailer points to a standard security handler with a user password: its /U entry
    /// does not match the empty password, so a reader needs the password to decrypt it.
    /// </summary>
    public static byte[] Encrypted() => Build([["Secret text"]], encrypt: true);

    private static byte[] Build(string[][] pages, bool encrypt)
    {
        var objects = new List<string>();
        var pageIds = Enumerable.Range(0, pages.Length).Select(i => 4 + 2 * i).ToList();
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{string.Join(" ", pageIds.Select(id => $"{id} 0 R"))}] /Count {pages.Length} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        foreach (var lines in pages)
        {
            var content = new StringBuilder();
            if (lines.Length == 0)
                content.Append("0 0 1 rg 100 100 200 200 re f\n");
            var y = 720;
            foreach (var line in lines)
            {
                content.Append($"BT /F1 12 Tf 72 {y} Td ({line.Replace("(", "\\(").Replace(")", "\\)")}) Tj ET\n");
                y -= 16;
            }
            var pageId = 4 + objects.Count - 3;
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {pageId + 1} 0 R >>");
            objects.Add($"<< /Length {Encoding.ASCII.GetByteCount(content.ToString())} >>\nstream\n{content}endstream");
        }
        if (encrypt)
        {
            var thirtyTwoBytes = new string('A', 64);
            objects.Add($"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <{thirtyTwoBytes}> /U <{new string('B', 64)}> >>");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        var encryption = encrypt ? $" /Encrypt {objects.Count} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]" : "";
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{encryption} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
