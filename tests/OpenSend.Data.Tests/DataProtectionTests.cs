using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Data.Retention;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Identity;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Subject access exports and the retention policy.</summary>
public abstract class DataProtectionTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly RequestContext Manager999 = new(new Actor("mgr", "Priya Shah", "LaSendManager", "Demoshire County Council"), LaStaff("999", Role.LaSendManager), null);

    private Task<SubmittedRequest> ReceiveForChildBornAsync(DateOnly dateOfBirth, DateOnly receivedOn, string givenName) =>
        InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(RequestContext.Public(null),
            new AssessmentRequestSubmission("999", RequesterKind.YoungPerson, "Young Person", "yp@example.com", null, null, givenName, "Example", dateOfBirth, "Needs.", true),
            receivedOn));

    [Fact]
    public async Task ASubjectAccessExport_HoldsTheCaseItsAccessAndItsAuditLog()
    {
        var submitted = await ReceiveAsync(givenName: "Ottoline");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, submitted.Id, "carer@example.com", Role.Parent));
        await InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(In999, submitted.Id, new MemoryStream("%PDF-1.7 Ottoline's report"u8.ToArray()), "School report", DocumentPurpose.Other));

        var (fileName, zip) = await InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(Manager999, submitted.Id));

        Assert.Equal($"subject-access-{submitted.Reference}.zip", fileName);
        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["README.txt", "access.json", "advice.json", "audit.json", "case.json", "documents/001 School report.pdf", "plan.json", "reviews.json"],
            archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        string Read(string name) => new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8).ReadToEnd();
        Assert.Equal("%PDF-1.7 Ottoline's report", Read("documents/001 School report.pdf"));
        Assert.Contains("Ottoline", Read("case.json"));
        Assert.Contains("carer@example.com", Read("access.json"));
        Assert.Contains("case.request-received", Read("audit.json"));
        Assert.True(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "case.subject-access-export")));
    }

    [Fact]
    public async Task ASubjectAccessExport_IsOnlyForTheResponsibleLasSendManager()
    {
        var submitted = await ReceiveAsync();

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(In999, submitted.Id)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(
            new RequestContext(Caseworker886, LaStaff("886", Role.LaSendManager), null), submitted.Id)));
    }

    [Fact]
    public async Task Retention_AnonymisesOnlyCasesPastThePeriod_KeepingWhatStatisticsNeed()
    {
        // Now is 15 June 2026: a child born on or before 15 June 1995 is past 31 years.
        var old = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 15), new DateOnly(2015, 6, 1), "Old");
        var recent = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 16), new DateOnly(2015, 6, 1), "Recent");

        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync(dryRun: true)));
        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync()));

        var anonymised = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.Include(a => a.Timeline).AsNoTracking().SingleAsync(a => a.Id == old.Id));
        var kept = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().SingleAsync(a => a.Id == recent.Id));
        Assert.Equal("Removed", anonymised.Child.GivenName);
        Assert.Equal(1995, anonymised.Child.DateOfBirth.Year);
        Assert.Equal(string.Empty, anonymised.Requester.Email);
        Assert.All(anonymised.Timeline, e => Assert.Null(e.Detail));
        Assert.DoesNotContain(anonymised.Timeline, e => e.Summary.Contains("Young Person", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2015, 6, 1), anonymised.RequestReceivedOn);
        Assert.Equal("Recent", kept.Child.GivenName);
        Assert.Null(await InScope(sp => sp.GetRequiredService<AssessmentQueries>().FindByTrackingTokenAsync(RequestContext.Public(null), old.TrackingToken)));
        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync()));
    }

    [Fact]
    public async Task Retention_DeletesTheCasesDocumentsAndTheirFiles_ButKeepsAFileAnotherCaseStillHolds()
    {
        var old = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 15), new DateOnly(2015, 6, 1), "Old");
        var recent = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 16), new DateOnly(2015, 6, 1), "Recent");
        var shared = "%PDF-1.7 shared report"u8.ToArray();
        Task<CaseDocument> UploadAsync(Guid id, byte[] content) =>
            InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(In999, id, new MemoryStream(content), "Report", DocumentPurpose.AdviceReport));
        var onlyOld = await UploadAsync(old.Id, "%PDF-1.7 only on the old case"u8.ToArray());
        var sharedOld = await UploadAsync(old.Id, shared);
        await UploadAsync(recent.Id, shared);

        await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync());

        var left = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Set<CaseDocument>().AsNoTracking().ToListAsync());
        Assert.Equal(recent.Id, Assert.Single(left).AssessmentId);
        Assert.False(File.Exists(Documents.PathFor(onlyOld.Sha256)));
        Assert.True(File.Exists(Documents.PathFor(sharedOld.Sha256)));
    }

    [Fact]
    public async Task Retention_DeletesTheAdvisersWrittenAdvice()
    {
        var old = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 15), new DateOnly(2015, 6, 1), "Old");
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, old.Id, new DateOnly(2015, 7, 1), "");
            var request = await cases.RequestAdviceAsync(In999, old.Id, AdviserKind.Health, "Paediatrics", new DateOnly(2015, 7, 2));
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var advice = OpenSend.Domain.Advice.AdviceContribution.Start(old.Id, "999", request.Id, Time.GetUtcNow());
            advice.WriteSummary("Old has asthma.", Time.GetUtcNow());
            db.AdviceContributions.Add(advice);
            await db.SaveChangesAsync();
        });

        await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync());

        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AdviceContributions.CountAsync()));
    }
}

public sealed class DataProtectionTests_Sqlite(PostgresServer postgres) : DataProtectionTests(TestProvider.Sqlite, postgres);

public sealed class DataProtectionTests_PostgreSql(PostgresServer postgres) : DataProtectionTests(TestProvider.PostgreSql, postgres);
