using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;

namespace OpenSend.Data.Plans;

/// <summary>
/// A plan version as a Word document: real heading styles (so the navigation pane and screen
/// readers see the structure), provision as tables with a repeating header row, the LA's name and
/// the version's status and date in the header, "Page n of N" in the footer.
/// </summary>
public static class PlanWord
{
    public static byte[] Render(PlanDocumentHeading heading)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{heading.Title}: {heading.Version.Label}";
            document.PackageProperties.Creator = heading.LaName;
            document.PackageProperties.Language = "en-GB";
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();

            foreach (var block in heading.Blocks())
            {
                body.Append(block switch
                {
                    PlanHeadingBlock h => Heading(h.Text, h.Level),
                    PlanParagraphBlock paragraph => Text(paragraph.Text),
                    PlanTableBlock table => Table(table.Columns, table.Rows),
                    _ => throw new InvalidOperationException($"No Word rendering for {block.GetType().Name}."),
                });
            }

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Text(heading.PageLine));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                Field("PAGE"),
                new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
                Field("NUMPAGES")));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(text)));

    private static Paragraph Text(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    // A simple field belongs to the paragraph; Word fills in its value ("1") when it lays the pages out.
    private static SimpleField Field(string code) => new(new Run(new Text("1"))) { Instruction = $" {code} " };

    private static Table Table(string[] headers, IReadOnlyList<string[]> rows)
    {
        var border = BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        // The header row repeats on every page the table runs onto and is read as the column headers.
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        headerRow.Append(headers.Select(h => Cell(h, bold: true)));
        table.Append(headerRow);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => Cell(c, bold: false))));
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new TableCell(new Paragraph(run));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var normal = new Style(
            new StyleName { Val = "Normal" },
            new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "22" }, new Languages { Val = "en-GB" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        styles.Styles = new Styles(normal, HeadingStyle(1, 36), HeadingStyle(2, 28), HeadingStyle(3, 24),
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
    }

    private static Style HeadingStyle(int level, int halfPoints) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
}

/// <summary>A rendered plan version to download.</summary>
public sealed record PlanDocumentFile(string FileName, string ContentType, byte[] Content);

public enum PlanDocumentFormat
{
    Pdf,
    Word,
}

/// <summary>Renders an issued version for anyone who may read the case; each download is audited.</summary>
public sealed class PlanDocuments(OpenSendDbContext db, PlanQueries queries, TimeProvider time)
{
    public async Task<PlanDocumentFile?> RenderAsync(RequestContext context, Guid assessmentId, int number, PlanDocumentFormat format, CancellationToken cancellationToken = default)
    {
        var viewed = await queries.GetAsync(context, assessmentId, cancellationToken);
        if (viewed.Plan?.Versions.FirstOrDefault(v => v.Number == number) is not { } version)
        {
            return null;
        }

        var heading = new PlanDocumentHeading(viewed.LocalAuthority.Name, viewed.Assessment.Reference, viewed.Assessment.Child.FullName, viewed.Assessment.Child.DateOfBirth, version);
        var name = $"EHC plan {viewed.Assessment.Reference} {version.Label}";
        var file = format == PlanDocumentFormat.Pdf
            ? new PlanDocumentFile($"{name}.pdf", "application/pdf", PlanPdf.Render(heading))
            : new PlanDocumentFile($"{name}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PlanWord.Render(heading));
        db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, AuditActions.PlanDownloaded, time.GetUtcNow(), $"{version.Label} as {format}."));
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }
}
