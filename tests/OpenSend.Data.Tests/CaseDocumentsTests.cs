using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Uploads are judged by content and size; a refused one leaves no file and no row.</summary>
public abstract class CaseDocumentsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private Task<CaseDocument> UploadAsync(Guid id, byte[] content, string title = "Educational psychology advice") =>
        InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(In886, id, new MemoryStream(content), title, DocumentPurpose.AdviceReport));

    private int FilesStored() => Directory.Exists(Documents.RootPath)
        ? Directory.GetFiles(Documents.RootPath, "*", SearchOption.AllDirectories).Length
        : 0;

    private Task<int> RowsAsync() => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Set<CaseDocument>().CountAsync());

    [Fact]
    public async Task Upload_APdf_IsStoredUnderItsHash_AndReadsBackTheSame()
    {
        var received = await ReceiveAsync("886");

        var document = await UploadAsync(received.Id, Pdf);
        var opened = await InScope(sp => sp.GetRequiredService<CaseDocuments>().OpenAsync(In886, received.Id, document.Id));

        Assert.Equal((DocumentType.Pdf, Pdf.LongLength, "Educational psychology advice.pdf"), (document.Type, document.SizeBytes, document.FileName));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), document.Sha256);
        Assert.True(File.Exists(Documents.PathFor(document.Sha256)));
        using var copy = new MemoryStream();
        await using (opened!.Content)
        {
            await opened.Content.CopyToAsync(copy);
        }

        Assert.Equal(Pdf, copy.ToArray());
    }

    [Fact]
    public async Task Upload_TheSameFileTwice_StoresItOnce()
    {
        var received = await ReceiveAsync("886");

        await UploadAsync(received.Id, Pdf, "First copy");
        await UploadAsync(received.Id, Pdf, "Second copy");

        Assert.Equal(2, await RowsAsync());
        Assert.Equal(1, FilesStored());
    }

    [Fact]
    public async Task Upload_AWordDocument_IsRecognisedFromItsContents()
    {
        var received = await ReceiveAsync("886");
        var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        var document = await UploadAsync(received.Id, docx.ToArray(), "Speech and language therapy report");

        Assert.Equal(DocumentType.Word, document.Type);
        Assert.Equal("Speech and language therapy report.docx", document.FileName);
    }

    public static TheoryData<string, byte[], string> Refusals() => new()
    {
        { "a renamed executable", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00], "The selected file must be a PDF, a Word document (.docx), a JPEG or PNG image, or an MP4 video" },
        { "an HTML page", "<html><script>alert(1)</script></html>"u8.ToArray(), "The selected file must be a PDF" },
        { "a zip that is not a Word document", ZipWith("evil.exe"), "The selected file must be a PDF" },
        { "an empty file", [], "The selected file is empty" },
        { "a file over the limit", [.. "%PDF-"u8, .. new byte[(64 * 1024) + 1]], "The selected file must be smaller than 64 KB" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_Refused_LeavesNoFileAndNoRow(string what, byte[] content, string reason)
    {
        var received = await ReceiveAsync("886");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => UploadAsync(received.Id, content));

        Assert.StartsWith(reason, refused.Message);
        Assert.True(FilesStored() == 0, $"{what}: a file was left behind");
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task Upload_WithATitleLongerThan200Characters_IsRefusedWithAReason_NotAnError()
    {
        var received = await ReceiveAsync("886");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => UploadAsync(received.Id, Pdf, new string('a', 201)));

        Assert.Equal(("document-title", "The title must be 200 characters or fewer"), (refused.Code, refused.Message));
        Assert.Equal(0, await RowsAsync());
        Assert.Equal(200, (await UploadAsync(received.Id, Pdf, new string('a', 200))).Title.Length);
    }

    [Fact]
    public async Task OnePerson_CanAddAtMost50DocumentsToACaseIn24Hours()
    {
        var received = await ReceiveAsync("886");
        for (var i = 0; i < CaseDocuments.MaximumUploadsPerPersonPerDay; i++)
        {
            await UploadAsync(received.Id, Pdf, $"Report {i}");
        }

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => UploadAsync(received.Id, Pdf, "One too many"));
        Assert.Equal("document-quota", refused.Code);
        Time.Advance(TimeSpan.FromDays(1));
        await UploadAsync(received.Id, Pdf, "The next day");
    }

    [Fact]
    public async Task Documents_OfAnotherLasCase_AreNotFound()
    {
        var received = await ReceiveAsync("886");
        var document = await UploadAsync(received.Id, Pdf);

        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<CaseDocuments>().OpenAsync(In999, received.Id, document.Id)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(In999, received.Id, new MemoryStream(Pdf), "x", DocumentPurpose.Other)));
    }

    private static byte[] ZipWith(string entry)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry(entry);
        }

        return stream.ToArray();
    }
}

public sealed class CaseDocumentsTests_Sqlite(PostgresServer postgres) : CaseDocumentsTests(TestProvider.Sqlite, postgres);

public sealed class CaseDocumentsTests_PostgreSql(PostgresServer postgres) : CaseDocumentsTests(TestProvider.PostgreSql, postgres);
