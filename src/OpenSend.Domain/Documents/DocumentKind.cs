using System.IO.Compression;

namespace OpenSend.Domain.Documents;

/// <summary>What a file really is, judged by its content (never by its name or the browser's say-so).</summary>
public enum DocumentType
{
    Pdf,
    Word,
    Jpeg,
    Png,
    Mp4,
}

public static class DocumentTypes
{
    public const string Accepted = "a PDF, a Word document (.docx), a JPEG or PNG image, or an MP4 video";

    /// <summary>What section A can show in the page itself: images and video (green paper ch.2 para 21).</summary>
    public static bool IsPictureOrVideo(this DocumentType type) => type is DocumentType.Jpeg or DocumentType.Png or DocumentType.Mp4;

    public static string ContentType(this DocumentType type) => type switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentType.Jpeg => "image/jpeg",
        DocumentType.Png => "image/png",
        _ => "video/mp4",
    };

    public static string Extension(this DocumentType type) => type switch
    {
        DocumentType.Pdf => ".pdf",
        DocumentType.Word => ".docx",
        DocumentType.Jpeg => ".jpg",
        DocumentType.Png => ".png",
        _ => ".mp4",
    };

    /// <summary>
    /// Recognises the file from its first bytes (and, for a .docx, its zip contents); null for
    /// anything else, including executables, scripts and HTML renamed to look like a document.
    /// </summary>
    public static DocumentType? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[12];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return DocumentType.Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return DocumentType.Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return DocumentType.Jpeg;
        }

        if (read >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return DocumentType.Mp4;
        }

        if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }) && IsWordPackage(content))
        {
            return DocumentType.Word;
        }

        return null;
    }

    private static bool IsWordPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
