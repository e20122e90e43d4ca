using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using UglyToad.PdfPig;

namespace OpenSend.Data.Tests;

/// <summary>Each version renders as a PDF of text and a Word document, read back here to check what a reader gets.</summary>
public class PlanDocumentTests
{
    private static readonly Actor Caseworker = new("cw-1", "Sam Carter", "LaCaseworker", "Demoshire County Council");
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);

    /// <summary>A draft with enough provision to run its table over more than one page.</summary>
    private static PlanDocumentHeading Heading(int provisionItems = 40)
    {
        var need = Guid.NewGuid();
        var outcome = Guid.NewGuid();
        var health = Guid.NewGuid();
        var content = PlanContent.Empty
            .WithViews(new ViewsAndAspirations("I like trains and drawing. Loud rooms make me feel worried.", "Ada is happiest with a routine.", "Trains", "To make friends."))
            .WithNeed(new PlanNeed(need, PlanSection.B, "Difficulty with social communication and changes to routine", Sen2NeedType.ASD, 1))
            .WithNeed(new PlanNeed(health, PlanSection.C, "Epilepsy, with seizures at night"))
            .WithOutcome(new PlanOutcome(outcome, "Starts a conversation with a peer twice a day", new DateOnly(2027, 7, 23), [need]));
        for (var i = 1; i <= provisionItems; i++)
        {
            content = content.WithProvision(new PlanProvision(Guid.NewGuid(), i % 5 == 0 ? PlanSection.G : PlanSection.F, $"Provision item {i}: small-group social communication programme",
                "Speech and language therapist", "2 sessions a week", "30 minutes each, for the school year", "1:4", null, i % 5 == 0 ? Funder.Health : Funder.Education, i % 5 == 0 ? [health] : [need], [outcome]));
        }

        var plan = EhcPlan.Start(Guid.NewGuid(), "999", content, Now);
        var draft = plan.IssueDraft(new DateOnly(2026, 6, 1), null, new DateOnly(2018, 3, 14), Caseworker, Now);
        return new PlanDocumentHeading("Demoshire County Council", "999-2026-00042", "Ada Example", new DateOnly(2018, 3, 14), draft);
    }

    [Fact]
    public void Pdf_IsText_WithEverySectionInOrderAndInTheOutline_AndNumberedPages()
    {
        var bytes = PlanPdf.Render(Heading());

        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages > 1, $"The provision table should run over pages; got {pdf.NumberOfPages}.");
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var all = string.Join(" ", pages);
        var positions = PlanReading.AllSections.Select(s => all.IndexOf($"Section {s}:", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Education, health and care plan for Ada Example", all);
        Assert.Contains("Draft 1, issued 1 June 2026 by Demoshire County Council", all);
        Assert.Contains("Provision item 40: small-group social communication programme", all);
        Assert.Contains("A draft plan does not name a school or other institution.", all);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
            Assert.Contains("Demoshire County Council. Draft 1, 1 June 2026.", pages[i]);
        }

        // The table's header row is repeated on the page it continues onto.
        Assert.Contains("Provision Delivered by How often", pages[1]);
        // Every section is in the document outline, for moving around the plan.
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var outlined = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.All(PlanReading.AllSections, s => Assert.Contains($"Section {s}: {PlanReading.Title(s)}", outlined));
        Assert.Equal("Education, health and care plan for Ada Example: Draft 1", pdf.Information.Title);
    }

    [Fact]
    public void Pdf_OfAPlanInManyScriptsAndWithAnEmoji_Renders_WithEachScriptsLetters()
    {
        // Urdu, Bengali, Polish, Punjabi (Gurmukhi) and an emoji outside the basic plane, as families write them.
        const string urdu = "\u0645\u062C\u06BE\u06D2 \u0679\u0631\u06CC\u0646\u06CC\u06BA \u067E\u0633\u0646\u062F \u06C1\u06CC\u06BA";
        const string bengali = "\u0986\u09AE\u09BE\u09B0 \u09AC\u09A8\u09CD\u09A7\u09C1";
        const string polish = "Za\u017C\u00F3\u0142\u0107 g\u0119\u015Bl\u0105 ja\u017A\u0144";
        const string punjabi = "\u0A38\u0A3C\u0A15\u0A42\u0A32";
        var need = Guid.NewGuid();
        var outcome = Guid.NewGuid();
        var plan = EhcPlan.Start(Guid.NewGuid(), "999", PlanContent.Empty
            .WithViews(new ViewsAndAspirations($"{urdu} \U0001F600", $"{bengali}. {polish}.", punjabi, "To make friends \u263A"))
            .WithNeed(new PlanNeed(need, PlanSection.B, "Difficulty with social communication", Sen2NeedType.ASD, 1))
            .WithOutcome(new PlanOutcome(outcome, "Starts a conversation with a peer twice a day", new DateOnly(2027, 7, 23), [need]))
            .WithProvision(new PlanProvision(Guid.NewGuid(), PlanSection.F, $"Speech and language therapy ({urdu})", "Speech and language therapist", "2 sessions a week", "30 minutes", "1:1", null, Funder.Education, [need], [outcome])), Now);
        var draft = plan.IssueDraft(new DateOnly(2026, 6, 1), null, new DateOnly(2018, 3, 14), Caseworker, Now);

        var bytes = PlanPdf.Render(new PlanDocumentHeading("Demoshire County Council", "999-2026-00043", "Zo\u00EB \u0645\u062D\u0645\u062F", new DateOnly(2018, 3, 14), draft));

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Contains("\u0679", text, StringComparison.Ordinal);
        Assert.Contains("\u09AC", text, StringComparison.Ordinal);
        Assert.Contains("\u0A38", text, StringComparison.Ordinal);
        Assert.Contains("\u017C", text, StringComparison.Ordinal);
        Assert.Contains("\u263A", text, StringComparison.Ordinal);
        // The emoji has no font here: it is shown as the replacement character, not a failure.
        Assert.Contains("\uFFFD", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_HasHeadingStyles_AProvisionTableWithARepeatingHeader_AndPageNumbers()
    {
        var bytes = PlanWord.Render(Heading(provisionItems: 5));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2")
            .Select(p => p.InnerText).ToList();
        Assert.Equal(PlanReading.AllSections.Select(s => $"Section {s}: {PlanReading.Title(s)}"), headings);
        var table = body.Elements<Table>().First();
        var header = table.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal("ProvisionDelivered byHow oftenFor how longGroup or ratioFunded by", header.InnerText);
        Assert.Equal(1 + 4, table.Elements<TableRow>().Count()); // section F: items 1 to 4 (item 5 is health, section G)
        var footer = word.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("NUMPAGES", StringComparison.Ordinal));
        Assert.Contains("Demoshire County Council. Draft 1, 1 June 2026.", word.MainDocumentPart.HeaderParts.Single().Header!.InnerText);
        Assert.Equal("Education, health and care plan for Ada Example: Draft 1", word.PackageProperties.Title);
    }
}
