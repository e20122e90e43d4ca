using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Testing;
using UglyToad.PdfPig;

namespace OpenSend.Data.Tests;

/// <summary>Issue 22: a decision as a letter to post: the timeline's own words, the reasons and the appeal rights, to the postal address; printed by the council only.</summary>
public abstract class DecisionLettersTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    [Fact]
    public async Task ARefusalToAssess_IsALetter_WithItsReasonsAndAppealRights_ToThePostalAddress()
    {
        var id = await Cases999.ReceivedAsync("Mali");
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.RecordContactPreferencesAsync(In999, id, new ContactPreferences("5 Example Road\nDemoton DM1 1AE", true, null, false, null));
            await cases.DecideNotToAssessAsync(In999, id, new DateOnly(2026, 3, 9), "Needs can be met at SEN support with the school's own resources.");
        });
        var entry = await InScope(async sp => (await sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, id)).Assessment.Timeline.Single(e => e.Action == PathwayAction.DecideNotToAssess).Id);

        var letter = await InScope(sp => sp.GetRequiredService<DecisionLetters>().RenderAsync(In999, id, entry));

        Assert.Equal("application/pdf", letter!.ContentType);
        using var pdf = PdfDocument.Open(letter.Content);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("5 Example Road Demoton DM1 1AE", text);
        Assert.Contains("Mali Example", text);
        Assert.Contains("Needs can be met at SEN support", text);
        Assert.Contains("You can appeal to the First-tier Tribunal", text);
        Assert.Contains("9 March 2026", text);
        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.CountAsync(r => r.AssessmentId == id && r.Action == "case.letter-downloaded")));
    }

    [Fact]
    public async Task AStepTheFamilyIsNotToldOf_HasNoLetter_AndAnotherCouncilsCaseIsNotFound()
    {
        var id = await Cases999.ReceivedAsync("Nye");
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, id, new DateOnly(2026, 3, 2), "Evidence.");
            await cases.RequestAdviceAsync(In999, id, AdviserKind.Psychological, "EP service", new DateOnly(2026, 3, 3));
        });
        var timeline = await InScope(async sp => (await sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, id)).Assessment.Timeline.ToList());

        Assert.Null(await InScope(sp => sp.GetRequiredService<DecisionLetters>().RenderAsync(In999, id, timeline.Single(e => e.Action == PathwayAction.RequestAdvice).Id)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<DecisionLetters>().RenderAsync(In886, id, timeline[0].Id)));
        var parent = await FamilyMemberAsync(id, "nye.parent@example.com");
        await Assert.ThrowsAsync<OpenSend.Data.Access.CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<DecisionLetters>().RenderAsync(parent, id, timeline[0].Id)));
    }
}

public sealed class DecisionLettersTests_Sqlite(PostgresServer postgres) : DecisionLettersTests(TestProvider.Sqlite, postgres);

public sealed class DecisionLettersTests_PostgreSql(PostgresServer postgres) : DecisionLettersTests(TestProvider.PostgreSql, postgres);
