using System.Collections.Concurrent;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace OpenSend.Data.Plans;

/// <summary>
/// One face of the plan's PDF (regular or bold) and the fonts that stand in, character by
/// character, for what Liberation Sans lacks: families write section A in Urdu, Bengali, Punjabi,
/// Gujarati, Tamil, Arabic, Hebrew, Thai and more, and a character no font has must never stop the
/// plan being rendered. Text is split into runs by the first font that has each character; a
/// stand-in font is embedded only in a PDF that uses it. A character none of the fonts has (an
/// emoji, a script not installed) is shown as the replacement character. The fonts are Debian's
/// (fonts-liberation, fonts-noto-core, fonts-dejavu-core), which ./test.sh installs. Letters are
/// drawn one after another, left to right, without shaping: Arabic-script text shows its letters
/// in their isolated forms, in the order written (the Word document and the page carry it properly).
/// </summary>
internal sealed class PdfFontStack(PdfDocumentBuilder builder, bool bold)
{
    /// <summary>The fonts in the order they are tried, by face name (regular; bold where it exists).</summary>
    private static readonly (string Regular, string? Bold)[] Faces =
    [
        ("LiberationSans-Regular", "LiberationSans-Bold"),
        ("NotoSans-Regular", "NotoSans-Bold"),
        ("NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"),
        ("NotoSansHebrew-Regular", "NotoSansHebrew-Bold"),
        ("NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold"),
        ("NotoSansBengali-Regular", "NotoSansBengali-Bold"),
        ("NotoSansGurmukhi-Regular", "NotoSansGurmukhi-Bold"),
        ("NotoSansGujarati-Regular", "NotoSansGujarati-Bold"),
        ("NotoSansTamil-Regular", "NotoSansTamil-Bold"),
        ("NotoSansThai-Regular", "NotoSansThai-Bold"),
        ("DejaVuSans", "DejaVuSans-Bold"),
        ("NotoSansSymbols-Regular", "NotoSansSymbols-Bold"),
        ("NotoSansSymbols2-Regular", null),
    ];

    private static readonly string[] Directories =
        ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu"];

    /// <summary>Each installed font read and parsed once per process: (file bytes, parsed for its character map).</summary>
    private static readonly ConcurrentDictionary<string, (byte[] Bytes, TrueTypeFont Parsed)?> Installed = new();

    private const char Replacement = '\uFFFD';

    private readonly Dictionary<string, PdfDocumentBuilder.AddedFont> _added = [];

    /// <summary>Draws the text from <paramref name="start"/>, run by run.</summary>
    public void AddText(PdfPageBuilder page, string text, double size, PdfPoint start)
    {
        var x = start.X;
        foreach (var (run, face) in Runs(text))
        {
            var letters = page.AddText(run, size, new PdfPoint(x, start.Y), Font(face));
            if (letters.Count > 0)
            {
                x = letters[^1].EndBaseLine.X;
            }
        }
    }

    public double Measure(PdfPageBuilder page, string text, double size)
    {
        var width = 0.0;
        foreach (var (run, face) in Runs(text))
        {
            var letters = page.MeasureText(run, size, new PdfPoint(0, 0), Font(face));
            width += letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }

        return width;
    }

    /// <summary>The text in runs, each with the face that has all its characters.</summary>
    internal IEnumerable<(string Text, string Face)> Runs(string text)
    {
        var run = new System.Text.StringBuilder();
        string? runFace = null;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Outside the basic plane (most emoji): the writer draws UTF-16 units, so it is replaced.
                character = Replacement;
                i++;
            }

            var face = FaceFor(character) ?? FaceFor(Replacement);
            if (face is null)
            {
                (character, face) = ('?', Primary);
            }

            if (runFace is not null && face != runFace)
            {
                yield return (run.ToString(), runFace);
                run.Clear();
            }

            runFace = face;
            run.Append(character);
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), runFace!);
        }
    }

    private string Primary => bold ? Faces[0].Bold! : Faces[0].Regular;

    private string? FaceFor(char character)
    {
        foreach (var (regular, boldFace) in Faces)
        {
            var face = bold ? boldFace ?? regular : regular;
            if (Load(face) is { } font && font.Parsed.TryGetBoundingBox(character, out _))
            {
                return face;
            }
        }

        return null;
    }

    private PdfDocumentBuilder.AddedFont Font(string face)
    {
        if (!_added.TryGetValue(face, out var font))
        {
            font = builder.AddTrueTypeFont(Load(face)!.Value.Bytes);
            _added[face] = font;
        }

        return font;
    }

    private static (byte[] Bytes, TrueTypeFont Parsed)? Load(string face) => Installed.GetOrAdd(face, name =>
    {
        var path = Directories.Select(d => Path.Combine(d, name + ".ttf")).FirstOrDefault(File.Exists);
        if (path is null)
        {
            // Liberation Sans is required (./test.sh installs fonts-liberation); a stand-in that is not installed is skipped.
            return name.StartsWith("Liberation", StringComparison.Ordinal)
                ? throw new InvalidOperationException($"The font {name}.ttf was not found in {string.Join(" or ", Directories)}. Install Debian's fonts-liberation package.")
                : null;
        }

        var bytes = File.ReadAllBytes(path);
        return (bytes, TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes)));
    });
}
