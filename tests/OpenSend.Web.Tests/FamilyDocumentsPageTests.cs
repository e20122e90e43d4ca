using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Documents;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: the family reads the advice and documents on their case and sends their own; the
/// council withholds a document only with a reason, which the family sees, and a withheld document
/// cannot be downloaded by the family whatever link they hold.
/// </summary>
public abstract class FamilyDocumentsPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task TheFamily_ReadsTheAdviceAndDocuments_SeesAWithheldOneWithItsReason_AndCannotDownloadIt()
    {
        var id = await app.Cases.ReadyForADraftAsync("Tara", adviser: "Demoshire EP service");
        var (shared, withheld) = await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "tara.parent@example.com", Role.Parent);
            var documents = sp.GetRequiredService<CaseDocuments>();
            var a = await documents.UploadAsync(app.Staff999, id, new MemoryStream("%PDF-1.7 psychology"u8.ToArray()), "Educational psychology advice", DocumentPurpose.Other);
            var b = await documents.UploadAsync(app.Staff999, id, new MemoryStream("%PDF-1.7 referral"u8.ToArray()), "Social care referral", DocumentPurpose.Other);
            return (a.Id, b.Id);
        });
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var form = await caseworker.GetPageAsync($"/cases/{id}/documents/{withheld}/withhold");
        var blank = await Html.ParseAsync(await caseworker.SubmitAsync(form, ("Reason", " ")));
        Assert.Equal("#Reason", Assert.Single(blank.ErrorSummary()).Href);
        var done = await Html.ParseAsync(await caseworker.SubmitAsync(form, ("Reason", "It holds safeguarding information about another person.")));
        Assert.Contains("Withheld: It holds safeguarding information about another person.", done.QuerySelector("#documents")!.TextContent);

        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "tara.parent@example.com");
        var page = await parent.GetPageAsync($"/your-requests/{id}/documents");

        Assert.Contains("Psychological advice from Demoshire EP service", page.QuerySelector("#advice-list")!.TextContent);
        Assert.Contains("Received on 6 April 2026", page.QuerySelector("#advice-list")!.TextContent);
        var rows = page.QuerySelectorAll("#document-list tbody tr").ToList();
        var withheldRow = rows.Single(r => r.TextContent.Contains("Social care referral", StringComparison.Ordinal));
        Assert.Contains("The council keeps this from you: It holds safeguarding information about another person.", withheldRow.TextContent);
        Assert.Null(withheldRow.QuerySelector("a"));
        var download = await parent.GetAsync($"/your-requests/{id}/documents?handler=Download&document={shared}");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/your-requests/{id}/documents?handler=Download&document={withheld}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/cases/{id}/documents?handler=Download&document={withheld}")).StatusCode);

        // Subject access for the family: everything held, without what is withheld from them.
        var record = await parent.GetAsync($"/your-requests/{id}?handler=Record");
        using var zip = new System.IO.Compression.ZipArchive(await record.Content.ReadAsStreamAsync());
        var documents = zip.Entries.Where(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        using var readme = new StreamReader(zip.GetEntry("README.txt")!.Open());
        Assert.Single(documents);
        Assert.Contains("- Social care referral: It holds safeguarding information about another person.", await readme.ReadToEndAsync());
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.tara.parent@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}?handler=Record")).StatusCode);
    }

    [Fact]
    public async Task TheFamily_SendsALetter_CheckedLikeAnyUpload()
    {
        var id = await app.Cases.ReceivedAsync("Uma");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "uma.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "uma.parent@example.com");

        async Task<HttpResponseMessage> SendAsync(byte[] content, string fileName)
        {
            var form = await parent.GetPageAsync($"/your-requests/{id}/documents");
            var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            return await parent.PostAsync($"/your-requests/{id}/documents", new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Letter from the paediatrician"), "Title" },
                { new ByteArrayContent(content), "Upload", fileName },
            });
        }

        var refused = await Html.ParseAsync(await SendAsync([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "letter.pdf"));
        var sent = await Html.ParseAsync(await SendAsync("%PDF-1.7\n%%EOF\n"u8.ToArray(), "letter.pdf"));

        Assert.Equal("#Upload", Assert.Single(refused.ErrorSummary()).Href);
        Assert.Contains("'Letter from the paediatrician' sent to the council", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Letter from the paediatrician", sent.QuerySelector("#document-list")!.TextContent);
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        Assert.Contains("Letter from the paediatrician", (await caseworker.GetPageAsync($"/cases/{id}/documents")).QuerySelector("#documents")!.TextContent);
    }
}

public sealed class FamilyDocumentsPageTests_Sqlite(SqliteApp app) : FamilyDocumentsPageTests<SqliteApp>(app);

public sealed class FamilyDocumentsPageTests_PostgreSql(PostgreSqlApp app) : FamilyDocumentsPageTests<PostgreSqlApp>(app);
