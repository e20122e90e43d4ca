using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Writer;

namespace OpenSend.Data.Plans;

/// <summary>
/// A plan version as a PDF of real text (not an image): sections in order, each a bookmark in the
/// document outline, provision as tables whose header row repeats on each page they run onto, the
/// LA's name and the version's status and date on every page, and "Page n of N". Written with
/// PdfPig (Apache-2.0); the PDF is not tagged, see decision 0009 for why and what would tag it.
/// </summary>
public static class PlanPdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private const double FooterHeight = 40;

    public static byte[] Render(PlanDocumentHeading heading) =>
        Render($"{heading.Title}: {heading.Version.Label}", heading.LaName, "Education, health and care plan (Children and Families Act 2014 s.37)", heading.Blocks(), heading.PageLine);

    /// <summary>Any document drawn from blocks (a plan, a decision letter): the same type, pages and footer.</summary>
    public static byte[] Render(string title, string author, string subject, IEnumerable<PlanBlock> blocks, string pageLine)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        builder.DocumentInformation.Subject = subject;
        var writer = new Writer(builder);

        foreach (var block in blocks)
        {
            switch (block)
            {
                case PlanHeadingBlock h:
                    writer.Heading(h.Text, h.Level);
                    break;
                case PlanParagraphBlock paragraph:
                    writer.Paragraph(paragraph.Text);
                    break;
                case PlanTableBlock table:
                    writer.Table(table.Columns, table.Rows);
                    break;
            }
        }

        writer.Footers(pageLine);
        return builder.Build();
    }

    /// <summary>Flows text down A4 pages from the top (PDF measures from the bottom, so it converts).</summary>
    private sealed class Writer
    {
        private const double BodySize = 10.5;
        private const double SmallSize = 8.5;
        private static readonly double[] HeadingSizes = [18, 14, 11.5];

        private readonly PdfDocumentBuilder _builder;
        private readonly PdfFontStack _regular;
        private readonly PdfFontStack _bold;
        private readonly List<(string Title, int Level, int Page, double Top)> _outline = [];
        private PdfPageBuilder _page;
        private double _y;

        public Writer(PdfDocumentBuilder builder)
        {
            _builder = builder;
            _regular = new PdfFontStack(builder, bold: false);
            _bold = new PdfFontStack(builder, bold: true);
            _page = NewPage();
        }

        private static double Width => PageWidth - (2 * Margin);

        private static double Bottom => PageHeight - Margin - FooterHeight;

        public void Heading(string text, int level)
        {
            var size = HeadingSizes[level - 1];
            var lines = Wrap(text, _bold, size, Width);
            // Keep a heading with at least three lines of what follows it.
            if (_y + (lines.Count * size * 1.2) + (BodySize * 4) > Bottom)
            {
                _page = NewPage();
            }

            _y += level == 1 ? 0 : 8;
            _outline.Add((text, level, _page.PageNumber, _y));
            foreach (var line in lines)
            {
                Draw(line, _bold, size, Margin, _y);
                _y += size * 1.2;
            }

            _y += 6;
        }

        public void Paragraph(string text)
        {
            foreach (var line in Wrap(text, _regular, BodySize, Width))
            {
                if (_y + (BodySize * 1.25) > Bottom)
                {
                    _page = NewPage();
                }

                Draw(line, _regular, BodySize, Margin, _y);
                _y += BodySize * 1.25;
            }

            _y += 5;
        }

        public void Table(string[] headers, IReadOnlyList<string[]> rows)
        {
            var widths = new[] { 0.28, 0.17, 0.15, 0.16, 0.1, 0.14 }.Select(w => w * Width).ToArray();
            Row(headers, widths, header: true);
            foreach (var row in rows)
            {
                if (!Row(row, widths, header: false))
                {
                    // The row did not fit: the table continues on the next page under its header row again.
                    _page = NewPage();
                    Row(headers, widths, header: true);
                    Row(row, widths, header: false);
                }
            }

            _y += 8;
        }

        /// <summary>The page furniture, once the number of pages is known; and the outline of headings.</summary>
        public void Footers(string text)
        {
            var total = _builder.Pages.Count;
            foreach (var (number, page) in _builder.Pages)
            {
                var baseline = Margin - 20;
                page.DrawLine(new PdfPoint(Margin, baseline + 14), new PdfPoint(PageWidth - Margin, baseline + 14), 0.5);
                _regular.AddText(page, text, SmallSize, new PdfPoint(Margin, baseline));
                var pageText = $"Page {number} of {total}";
                _regular.AddText(page, pageText, SmallSize, new PdfPoint(PageWidth - Margin - Measure(pageText, _regular, SmallSize), baseline));
            }

            _builder.Bookmarks = new Bookmarks(Nest(_outline, 0, 1, out _));
        }

        private static List<BookmarkNode> Nest(List<(string Title, int Level, int Page, double Top)> outline, int start, int level, out int next)
        {
            var nodes = new List<BookmarkNode>();
            var i = start;
            while (i < outline.Count && outline[i].Level >= level)
            {
                var (title, itemLevel, page, top) = outline[i];
                var children = Nest(outline, i + 1, itemLevel + 1, out var after);
                nodes.Add(new DocumentBookmarkNode(title, itemLevel - 1,
                    new ExplicitDestination(page, ExplicitDestinationType.XyzCoordinates, new ExplicitDestinationCoordinates(Margin, PageHeight - top)), children));
                i = after;
            }

            next = i;
            return nodes;
        }

        /// <summary>Draws one row if it fits on this page; false (and nothing drawn) if it does not.</summary>
        private bool Row(string[] cells, double[] widths, bool header)
        {
            var font = header ? _bold : _regular;
            var wrapped = cells.Select((c, i) => Wrap(c, font, BodySize, widths[i] - 6)).ToList();
            var height = (wrapped.Max(l => Math.Max(1, l.Count)) * BodySize * 1.2) + 6;
            if (_y + height > Bottom)
            {
                return false;
            }

            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var lineY = _y + 3;
                foreach (var line in wrapped[i])
                {
                    Draw(line, font, BodySize, x + 3, lineY);
                    lineY += BodySize * 1.2;
                }

                _page.DrawRectangle(new PdfPoint(x, PageHeight - _y - height), widths[i], height, 0.5);
                x += widths[i];
            }

            _y += height;
            return true;
        }

        private PdfPageBuilder NewPage()
        {
            _y = Margin;
            return _builder.AddPage(PageWidth, PageHeight);
        }

        private void Draw(string text, PdfFontStack font, double size, double x, double top)
        {
            if (text.Length > 0)
            {
                font.AddText(_page, text, size, new PdfPoint(x, PageHeight - top - size));
            }
        }

        private double Measure(string text, PdfFontStack font, double size) => font.Measure(_page, text, size);

        private List<string> Wrap(string text, PdfFontStack font, double size, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && Measure(candidate, font, size) > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }
    }
}
