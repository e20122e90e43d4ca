using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Data.Identity;
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

    /// <summary>Issue 22: the family downloads their child's record themselves, without what is exempt from them.</summary>
    [Fact]
    public async Task TheFamilysOwnExport_LeavesOutWithheldDocuments_WithTheirReasons_AndStaffAddresses()
    {
        var submitted = await ReceiveAsync(givenName: "Perpetua");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, submitted.Id, "perpetua.carer@example.com", Role.Parent));
        var documents = await InScope(async sp =>
        {
            var held = sp.GetRequiredService<CaseDocuments>();
            await held.UploadAsync(In999, submitted.Id, new MemoryStream("%PDF-1.7 school"u8.ToArray()), "School report", DocumentPurpose.Other);
            return await held.UploadAsync(In999, submitted.Id, new MemoryStream("%PDF-1.7 referral"u8.ToArray()), "Referral", DocumentPurpose.Other);
        });
        await InScope(sp => sp.GetRequiredService<CaseDocuments>().WithholdAsync(In999, submitted.Id, documents.Id, "Information about another child."));
        var person = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Email == "perpetua.carer@example.com"));
        var carer = new RequestContext(new Actor(person.Id.ToString(), "Carer", "Family", null), Viewer.Family(person.Id), null);

        var (_, forFamily) = await InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(carer, submitted.Id));
        var (_, forManager) = await InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(Manager999, submitted.Id));

        using var family = new ZipArchive(new MemoryStream(forFamily));
        using var manager = new ZipArchive(new MemoryStream(forManager));
        string Read(ZipArchive archive, string name) => new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8).ReadToEnd();
        Assert.Equal(["documents/001 School report.pdf"], family.Entries.Where(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)).Select(e => e.FullName));
        Assert.Equal(2, manager.Entries.Count(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)));
        Assert.Contains("- Referral: Information about another child.", Read(family, "README.txt"));
        Assert.DoesNotContain("127.0.0.1", Read(family, "audit.json"));
        Assert.Contains("127.0.0.1", Read(manager, "audit.json"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<SubjectAccessExport>().CreateAsync(
            new RequestContext(new Actor("x", "Other", "Family", null), Viewer.Family(Guid.NewGuid()), null), submitted.Id)));
    }

    [Fact]
    public async Task ASubjectAccessExport_IsForTheResponsibleLasSendManager_NotItsCaseworkers()
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

        Assert.Equal(1, (await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync(dryRun: true))).Anonymised);
        Assert.Equal(1, (await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync())).Anonymised);

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
        Assert.Equal(0, (await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync())).Anonymised);
    }

    [Fact]
    public async Task Retention_ACaseThatFails_IsLeftWhole_AndTheOthersAreAnonymised()
    {
        var first = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 1), new DateOnly(2015, 6, 1), "First");
        var second = await ReceiveForChildBornAsync(new DateOnly(1995, 6, 2), new DateOnly(2015, 6, 1), "Second");
        // The database refuses to change the first case (a trigger), after its family links and documents
        // would already have been deleted: the whole case must stay as it was.
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Database.ExecuteSqlRawAsync(Provider == TestProvider.Sqlite
            ? "CREATE TRIGGER refuse_first BEFORE UPDATE ON ehc_needs_assessments WHEN OLD.child_given_name = 'First' BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            : "CREATE FUNCTION refuse_first() RETURNS trigger AS $$ BEGIN IF OLD.child_given_name = 'First' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; "
              + "CREATE TRIGGER refuse_first BEFORE UPDATE ON ehc_needs_assessments FOR EACH ROW EXECUTE FUNCTION refuse_first();"));
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, first.Id, "first.parent@example.com", Role.Parent));

        var run = await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync());

        Assert.Equal(1, run.Anonymised);
        Assert.Contains(first.Id.ToString(), Assert.Single(run.Failures));
        var cases = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().Where(a => a.Id == first.Id || a.Id == second.Id).ToListAsync());
        Assert.Equal("First", cases.Single(a => a.Id == first.Id).Child.GivenName);
        Assert.Equal("Removed", cases.Single(a => a.Id == second.Id).Child.GivenName);
        Assert.Empty(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(a => a.AssessmentId == first.Id && a.Action == "case.anonymised").ToListAsync()));
        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().FamilyLinks.CountAsync(l => l.AssessmentId == first.Id)));
    }

    [Fact]
    public async Task Retention_PurgesOldEmailRecords_ExpiredCodes_AndFamilyAccountsThatFollowNothing()
    {
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var old = Time.GetUtcNow().AddDays(-400);
            var sent = new OpenSend.Data.Notifications.OutboxMessage(Guid.NewGuid(), "case-update", "a@example.com", "Update", "Body", "999", old);
            sent.MarkSent(old, null);
            db.Outbox.Add(sent);
            db.Outbox.Add(new OpenSend.Data.Notifications.OutboxMessage(Guid.NewGuid(), "case-update", "b@example.com", "Waiting", "Body", "999", Time.GetUtcNow()));
            db.OneTimeCodes.Add(new OneTimeCode(Guid.NewGuid(), OneTimeCodePurpose.FamilySignIn, "c@example.com", null, "123456", old, FamilySignIn.CodeLifetime));
            db.OneTimeCodes.Add(new OneTimeCode(Guid.NewGuid(), OneTimeCodePurpose.FamilySignIn, "c@example.com", null, "654321", Time.GetUtcNow(), FamilySignIn.CodeLifetime));
            db.People.Add(new Person(Guid.NewGuid(), PersonKind.Family, "unused@example.com", "unused@example.com", old));
            db.People.Add(new Person(Guid.NewGuid(), PersonKind.Family, "new@example.com", "new@example.com", Time.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        var following = await ReceiveAsync("999", new DateOnly(2026, 6, 1), "Kept");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, following.Id, "follower@example.com", Role.Parent));
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.Where(p => p.Email == "follower@example.com")
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.CreatedAt, Time.GetUtcNow().AddDays(-400))));

        var run = await InScope(sp => sp.GetRequiredService<RetentionSweep>().RunAsync());

        Assert.Equal(new RetentionPurge(1, 1, 1, 0), run.Purged);
        var people = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.Select(p => p.Email).ToListAsync());
        Assert.DoesNotContain("unused@example.com", people);
        Assert.Contains("new@example.com", people);
        Assert.Contains("follower@example.com", people);
        Assert.Equal(["Waiting"], await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => m.Recipient == "b@example.com" || m.Recipient == "a@example.com").Select(m => m.Subject).ToListAsync()));
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
