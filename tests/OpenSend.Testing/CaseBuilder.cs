using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;

namespace OpenSend.Testing;

/// <summary>
/// A case at each main stage, built through the real write services, each step in its own scope like
/// a request of its own, so a test starts where it means to and the case got there lawfully. The
/// dates are one 20-week pathway worked out by hand: received Monday 2 February 2026, decided to
/// assess 2 March (week 4), advice asked 2 March and received 6 April, decided to issue 4 May, draft
/// issued 11 May, final plan issued 1 June 2026 (week 17).
/// </summary>
public sealed class CaseBuilder(IServiceProvider services, RequestContext staff)
{
    public static readonly DateOnly ReceivedOn = new(2026, 2, 2);
    public static readonly DateOnly DecidedToAssessOn = new(2026, 3, 2);
    public static readonly DateOnly AdviceReceivedOn = new(2026, 4, 6);
    public static readonly DateOnly DecidedToIssueOn = new(2026, 5, 4);
    public static readonly DateOnly DraftIssuedOn = new(2026, 5, 11);
    public static readonly DateOnly FinalIssuedOn = new(2026, 6, 1);

    /// <summary>Year 4 in 2026/27: no phase transfer within a first review's year.</summary>
    public static readonly DateOnly BornOn = new(2018, 3, 14);

    /// <summary>A request made by Pat Example, a parent, for <paramref name="givenName"/> Example, recorded by the LA's staff.</summary>
    public async Task<Guid> ReceivedAsync(string givenName = "Ada", DateOnly? dateOfBirth = null, string parentEmail = "pat@example.com")
    {
        var submitted = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(staff,
            new AssessmentRequestSubmission(staff.LaCode!, RequesterKind.Parent, "Pat Example", parentEmail, null, null, givenName, "Example",
                dateOfBirth ?? BornOn, "Needs not met at SEN support.", true),
            ReceivedOn));
        return submitted.Id;
    }

    /// <summary>Assessed, psychological advice from <paramref name="adviser"/> received, and decided to issue a plan.</summary>
    public async Task<Guid> ReadyForADraftAsync(string givenName = "Ada", DateOnly? dateOfBirth = null, string adviser = "EP service")
    {
        var id = await ReceivedAsync(givenName, dateOfBirth);
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(staff, id, DecidedToAssessOn, "Evidence of needs.");
            var advice = await cases.RequestAdviceAsync(staff, id, AdviserKind.Psychological, adviser, DecidedToAssessOn);
            await cases.RecordAdviceReceivedAsync(staff, id, advice.Id, AdviceReceivedOn);
            await cases.DecideToIssueAsync(staff, id, DecidedToIssueOn, "Needs cannot be met at SEN support.");
            return true;
        });
        return id;
    }

    /// <summary>Ready for a draft, with the plan started and <paramref name="content"/> written into the working copy (nothing issued).</summary>
    public async Task<Guid> DraftingAsync(Func<PlanContent, PlanContent> content, string givenName = "Ada", DateOnly? dateOfBirth = null, string adviser = "EP service")
    {
        var id = await ReadyForADraftAsync(givenName, dateOfBirth, adviser);
        await InScope(async sp =>
        {
            var drafting = sp.GetRequiredService<PlanDrafting>();
            var plan = await drafting.StartAsync(staff, id);
            await drafting.EditAsync(staff, id, plan.Version, content, AuditActions.PlanEdited, "Drafted.");
            return true;
        });
        return id;
    }

    /// <summary>
    /// A final plan of <paramref name="content"/> naming <paramref name="setting"/>, issued on
    /// <see cref="FinalIssuedOn"/> (its first review due within 12 months); with
    /// <paramref name="currentSetting"/>, that setting is linked to the case as the child's own.
    /// </summary>
    public async Task<Guid> FinalPlanAsync(Func<PlanContent, PlanContent> content, NamedSetting setting, Guid? currentSetting = null, string givenName = "Ada", DateOnly? dateOfBirth = null)
    {
        var id = await DraftingAsync(content, givenName, dateOfBirth);
        await InScope(async sp =>
        {
            if (currentSetting is { } organisationId)
            {
                await sp.GetRequiredService<CaseLinks>().LinkSettingAsync(staff, id, organisationId, SettingRelationship.CurrentSetting);
            }

            var drafting = sp.GetRequiredService<PlanDrafting>();
            await drafting.IssueDraftAsync(staff, id, DraftIssuedOn, null);
            var drafted = await sp.GetRequiredService<PlanQueries>().GetAsync(staff, id);
            await drafting.EditAsync(staff, id, drafted.Plan!.Version, c => c.WithSetting(setting), AuditActions.PlanSettingNamed, "Named.");
            await drafting.IssueFinalAsync(staff, id, FinalIssuedOn);
            return true;
        });
        return id;
    }

    /// <summary>A plan for reading: one need (SpLD), one outcome and phonics in section F, with the ids given.</summary>
    public static Func<PlanContent, PlanContent> ReadingPlan(Guid need, Guid outcome) => c => c
        .WithViews(new ViewsAndAspirations("I like trains.", null, null, null))
        .WithNeed(new PlanNeed(need, PlanSection.B, "Reading", Sen2NeedType.SPLD, 1))
        .WithOutcome(new PlanOutcome(outcome, "Reads a short book aloud", new DateOnly(2027, 7, 23), [need]))
        .WithProvision(new PlanProvision(Guid.NewGuid(), PlanSection.F, "Phonics programme", "Specialist teacher", "4 sessions a week", "20 minutes, for the school year", "1:1", null, Funder.Education, [need], [outcome]));

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
