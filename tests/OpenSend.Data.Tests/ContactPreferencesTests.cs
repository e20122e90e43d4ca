using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Issue 22: how the family wants to hear from the council, recorded by the council or the family, and a request taken without an email address.</summary>
public abstract class ContactPreferencesTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Task RecordAsync(RequestContext who, Guid id, ContactPreferences preferences) =>
        InScope(sp => sp.GetRequiredService<AssessmentCases>().RecordContactPreferencesAsync(who, id, preferences));

    private Task<EhcCase> CaseAsync(Guid id) => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task TheCouncilAndTheFamily_RecordIt_AndNobodyElse()
    {
        var id = await Cases999.ReceivedAsync("Ada");
        var parent = await FamilyMemberAsync(id, "ada.parent@example.com");

        var noAddress = await Assert.ThrowsAsync<StepRefusedException>(() => RecordAsync(In999, id, new ContactPreferences(" ", true, null, false, null)));
        Assert.Equal("contact-address-missing", noAddress.Code);
        var noLanguage = await Assert.ThrowsAsync<StepRefusedException>(() => RecordAsync(parent, id, new ContactPreferences(null, false, null, true, null)));
        Assert.Equal("contact-language-missing", noLanguage.Code);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => RecordAsync(In886, id, new ContactPreferences(null, false, "Polish", false, null)));

        await RecordAsync(parent, id, new ContactPreferences("1 Example Road\nDemoton DM1 1AA", true, " Polish ", true, "large print"));

        var contact = (await CaseAsync(id)).Contact!;
        Assert.Equal("Letters by post to 1 Example Road, Demoton DM1 1AA; Speaks Polish, needs an interpreter; Needs large print", contact.Summary());
        await RecordAsync(In999, id, ContactPreferences.None);
        Assert.Null((await CaseAsync(id)).Contact);
        Assert.Equal(2, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.CountAsync(r => r.AssessmentId == id && r.Action == "case.contact-preferences")));
    }

    [Fact]
    public async Task ARequestTakenByPhone_WithoutAnEmail_GoesByPost_AndNoEmailIsQueued()
    {
        var submitted = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(In999,
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", string.Empty, null, null, "Bea", "Example", new DateOnly(2018, 3, 14),
                "Needs not met.", true, new ContactPreferences("2 Example Road\nDemoton DM1 1AB", true, null, false, null)),
            new DateOnly(2026, 6, 1)));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 10), "Evidence."));

        Assert.True((await CaseAsync(submitted.Id)).Contact!.LettersByPost);
        Assert.DoesNotContain(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Select(m => m.Recipient).ToListAsync()), string.IsNullOrWhiteSpace);
    }
}

public sealed class ContactPreferencesTests_Sqlite(PostgresServer postgres) : ContactPreferencesTests(TestProvider.Sqlite, postgres);

public sealed class ContactPreferencesTests_PostgreSql(PostgresServer postgres) : ContactPreferencesTests(TestProvider.PostgreSql, postgres);
