using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// Issue 22: the family or the child's setting asks for an early review with reasons; the council
/// decides within the time it states, agreeing (which brings the review forward) or refusing, with
/// reasons either way; on both providers.
/// </summary>
public abstract class EarlyReviewsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }


    private RequestContext Senco => As(Viewer.Staff(Guid.NewGuid(), Role.Senco, _organisations["999001"]));

    private async Task<(Guid Case, RequestContext Parent)> PlanInForceAsync(string givenName)
    {
        var id = await Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: _organisations["999001"].Id, givenName: givenName);
        return (id, await FamilyMemberAsync(id, $"{givenName.ToLowerInvariant()}.parent@example.com"));
    }

    private Task<EarlyReviewRequest> AskAsync(RequestContext who, Guid id, string? reasons) =>
        InScope(sp => sp.GetRequiredService<EarlyReviews>().AskAsync(who, id, reasons));

    private Task DecideAsync(RequestContext who, Guid id, Guid request, EarlyReviewDecision decision, string? reasons, DateOnly? reviewBy = null) =>
        InScope(sp => sp.GetRequiredService<EarlyReviews>().DecideAsync(who, id, request, decision, reasons, reviewBy));

    private Task<AnnualReview> OpenReviewAsync(Guid id) =>
        InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().Where(AnnualReview.Open).SingleAsync(r => r.AssessmentId == id));

    [Fact]
    public async Task TheFamilyAsks_TheCouncilAgrees_AndTheReviewIsBroughtForward()
    {
        var (id, parent) = await PlanInForceAsync("Ada");
        var dueBefore = (await OpenReviewAsync(id)).DueBy;

        var missing = await Assert.ThrowsAsync<StepRefusedException>(() => AskAsync(parent, id, " "));
        Assert.Equal("early-review-reasons-missing", missing.Code);
        var asked = await AskAsync(parent, id, "Her anxiety means she has not been in school since half term.");
        Assert.Equal((new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 30), "Parent or carer"), (asked.AskedOn, asked.DecideBy, asked.AskedByName));
        var twice = await Assert.ThrowsAsync<StepRefusedException>(() => AskAsync(Senco, id, "We agree."));
        Assert.Equal("early-review-already-asked", twice.Code);

        var notEarlier = await Assert.ThrowsAsync<StepRefusedException>(() => DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Agreed, "Agreed.", dueBefore.AddDays(1)));
        Assert.Equal("early-review-not-earlier", notEarlier.Code);
        await DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Agreed, "Her attendance has fallen; the review will look at a change of provision.", new DateOnly(2026, 7, 10));

        var review = await OpenReviewAsync(id);
        Assert.Equal((new DateOnly(2026, 7, 10), true), (review.DueBy, review.BroughtForward));
        var requests = (await InScope(sp => sp.GetRequiredService<EarlyReviews>().ForCaseAsync(parent, id))).Requests;
        Assert.Equal((EarlyReviewDecision.Agreed, new DateOnly(2026, 7, 10), "Sam Carter"), (requests.Single().Decision, requests.Single().ReviewBy, requests.Single().DecidedBy));
        var again = await Assert.ThrowsAsync<StepRefusedException>(() => DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Refused, "No."));
        Assert.Equal("early-review-already-decided", again.Code);

        var audited = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == id).Select(r => r.Action).ToListAsync());
        Assert.Contains("review.early-asked", audited);
        Assert.Contains("review.early-decided", audited);
    }

    [Fact]
    public async Task TheSettingAsks_TheCouncilRefusesWithReasons_AndOnlyTheCouncilDecides()
    {
        var (id, _) = await PlanInForceAsync("Bea");
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => AskAsync(In999, id, "The council asking itself."));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => AskAsync(As(Viewer.Staff(Guid.NewGuid(), Role.Senco, _organisations["999002"])), id, "Another school."));

        var asked = await AskAsync(Senco, id, "He is likely to need a specialist place from September.");
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => DecideAsync(Senco, id, asked.Id, EarlyReviewDecision.Agreed, "Yes.", new DateOnly(2026, 7, 1)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => DecideAsync(In886, id, asked.Id, EarlyReviewDecision.Refused, "Kent."));
        var noReasons = await Assert.ThrowsAsync<StepRefusedException>(() => DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Refused, null));
        Assert.Equal("early-review-decision-reasons-missing", noReasons.Code);

        var dueBefore = (await OpenReviewAsync(id)).DueBy;
        await DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Refused, "The annual review in the autumn term comes in time for a move in September 2027.");

        Assert.Equal(dueBefore, (await OpenReviewAsync(id)).DueBy);
        Assert.Equal(FamilyOrSetting.Setting, (await InScope(sp => sp.GetRequiredService<EarlyReviews>().ForCaseAsync(In999, id))).Requests.Single().AskedBy);
    }

    [Fact]
    public async Task AReviewAlreadyUnderWay_IsNotBroughtForward_AndNothingIsSaved()
    {
        var (id, parent) = await PlanInForceAsync("Cai");
        var review = await OpenReviewAsync(id);
        await InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(In999, review.Id, new DateOnly(2026, 7, 20), new DateOnly(2026, 6, 15)));
        var asked = await AskAsync(parent, id, "Things have changed.");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => DecideAsync(In999, id, asked.Id, EarlyReviewDecision.Agreed, "Yes.", new DateOnly(2026, 7, 1)));

        Assert.Equal("review-step-not-allowed", refused.Code);
        Assert.True((await InScope(sp => sp.GetRequiredService<EarlyReviews>().ForCaseAsync(In999, id))).Requests.Single().AwaitsDecision);
    }

    [Fact]
    public async Task TheCouncilStatesItsTimeToDecide_AndOnlyItsSendManagerChangesIt()
    {
        var manager = new RequestContext(Caseworker999, LaStaff("999", Role.LaSendManager), null);
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<PlanReviews>().SetEarlyReviewDecisionDaysAsync(In999, 10)));
        var outOfRange = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanReviews>().SetEarlyReviewDecisionDaysAsync(manager, 60)));
        Assert.Equal("early-review-days", outOfRange.Code);
        await InScope(sp => sp.GetRequiredService<PlanReviews>().SetEarlyReviewDecisionDaysAsync(manager, 10));

        var (id, parent) = await PlanInForceAsync("Dai");
        var asked = await AskAsync(parent, id, "Needs have changed.");

        Assert.Equal(new DateOnly(2026, 6, 25), asked.DecideBy);
    }
}

public sealed class EarlyReviewsTests_Sqlite(PostgresServer postgres) : EarlyReviewsTests(TestProvider.Sqlite, postgres);

public sealed class EarlyReviewsTests_PostgreSql(PostgresServer postgres) : EarlyReviewsTests(TestProvider.PostgreSql, postgres);
