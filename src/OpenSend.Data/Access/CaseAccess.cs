using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Access;

/// <summary>The viewer may see the case but not do this with it (a setting or adviser trying to record an LA step).</summary>
public sealed class CaseAccessDeniedException() : Exception("You can see this case but cannot change it.");

/// <summary>
/// Who may see which child's case: decided here, once, and applied by every query, page, endpoint,
/// export and download. A child's record is visible only through a relationship:
/// <list type="bullet">
/// <item>the responsible LA's caseworkers and SEND managers: every case of that LA (manage);</item>
/// <item>a setting's SENCO and staff: cases the setting is linked to (requesting, current or named; a setting consulted
/// and not named until <see cref="CaseAccessPolicy.AfterPartEnds"/> after its part ended), and cases it was asked to advise on;</item>
/// <item>health and social care advisers: cases their organisation was asked to advise on, while the advice is due
/// (contribute), for <see cref="CaseAccessPolicy.AfterPartEnds"/> after it is in (read), and while a review of the plan
/// to which reg 20(3) invites them is under way (read) - not for ever;</item>
/// <item>multi-agency panel members: the LA's cases on the panel's agenda, i.e. awaiting a recommendation the rules require;</item>
/// <item>parents, carers and young people: the cases linked to their own account;</item>
/// <item>mediators: the cases whose mediation the council arranged with their mediation service, until
/// <see cref="CaseAccessPolicy.AfterPartEnds"/> after its certificate (read);</item>
/// <item>DfE analysts, administrators and the public: no case (aggregates and their own tools only).</item>
/// </list>
/// </summary>
public static class CaseAccess
{
    private static readonly Role[] SettingRoles = [Role.Senco, Role.SettingStaff];
    private static readonly Role[] AdviserRoles = [Role.HealthAdviser, Role.SocialCareAdviser, Role.Senco, Role.SettingStaff];

    /// <summary>A review under way, from the invitations (reg 20(3)) to the setting's report (reg 20(7)): those asked for advice are invited.</summary>
    private static readonly OpenSend.Domain.Reviews.ReviewStage[] ReviewsInviting =
        [OpenSend.Domain.Reviews.ReviewStage.MeetingArranged, OpenSend.Domain.Reviews.ReviewStage.MeetingHeld, OpenSend.Domain.Reviews.ReviewStage.ReportSubmitted];

    /// <summary>Rule sets under which the panel must recommend before the LA decides (so cases reach its agenda).</summary>
    private static readonly string[] PanelRuleSets = RuleSetCatalogue.All.Where(r => r.Policy.PanelRecommendationRequired).Select(r => r.Id).ToArray();

    /// <summary>The cases <paramref name="viewer"/> may see.</summary>
    public static IQueryable<EhcCase> ReadableBy(this OpenSendDbContext db, Viewer viewer, IQueryable<EhcCase>? cases = null)
    {
        cases ??= db.Assessments;
        if (viewer.IsLaStaff)
        {
            return cases.Where(a => a.LaCode == viewer.LaCode);
        }

        if (viewer.IsFamily)
        {
            var personId = viewer.PersonId!.Value;
            return cases.Where(a => db.FamilyLinks.Any(l => l.AssessmentId == a.Id && l.PersonId == personId && l.RevokedAt == null));
        }

        if (!viewer.IsStaff || viewer.OrganisationId is not { } organisationId)
        {
            return cases.Where(a => false);
        }

        var role = viewer.Role!.Value;
        var viaSetting = SettingRoles.Contains(role) && viewer.OrganisationKind == OrganisationKind.Setting;
        var viaAdvice = AdviserRoles.Contains(role);
        if (role == Role.PanelMember && viewer.OrganisationKind == OrganisationKind.MultiAgencyPanel && viewer.LaCode is { } panelLa)
        {
            return cases.Where(a => a.LaCode == panelLa && PanelRuleSets.Contains(a.RuleSetId) && (
                (a.Stage == AssessmentStage.RequestReceived && !a.PanelRecommendations.Any(p => p.Question == PanelQuestion.WhetherToAssess))
                || (a.Stage == AssessmentStage.Assessing && !a.PanelRecommendations.Any(p => p.Question == PanelQuestion.WhetherToIssue))));
        }

        var adviceSince = db.AccessPolicy.AdviceReceivedSince;
        if (role == Role.Mediator && viewer.OrganisationKind == OrganisationKind.MediationService)
        {
            return cases.Where(a => db.Mediations.Any(m => m.AssessmentId == a.Id && m.MediationServiceId == organisationId
                && (m.CertificateOn == null || m.CertificateOn >= adviceSince)));
        }

        var now = db.AccessPolicy.Now;
        return cases.Where(a =>
            (viaSetting && db.SettingLinks.Any(l => l.AssessmentId == a.Id && l.OrganisationId == organisationId && (l.EndedAt == null || l.EndedAt > now)))
            || (viaAdvice && a.AdviceRequests.Any(r => r.AdviserOrganisationId == organisationId && (r.ReceivedOn == null || r.ReceivedOn >= adviceSince)))
            || (viaAdvice && a.AdviceRequests.Any(r => r.AdviserOrganisationId == organisationId)
                && db.AnnualReviews.Any(r => r.AssessmentId == a.Id && ReviewsInviting.Contains(r.Stage))));
    }

    /// <summary>
    /// Whether <paramref name="viewer"/> leads <paramref name="review"/>: the SENCO or staff of the
    /// setting the review is held at arrange the meeting and write the report (reg 20(1), (7)).
    /// </summary>
    public static bool LeadsReview(this Viewer viewer, OpenSend.Domain.Reviews.AnnualReview review) =>
        viewer is { IsStaff: true, Role: Role.Senco or Role.SettingStaff } && review.SettingOrganisationId is { } setting && viewer.OrganisationId == setting;

    /// <summary>
    /// Whether <paramref name="viewer"/> reads every contribution to <paramref name="review"/>: the
    /// council and the leading setting always; everyone invited once the papers are circulated (reg 20(4)).
    /// </summary>
    public static bool ReadsAllContributions(this Viewer viewer, OpenSend.Domain.Reviews.AnnualReview review) =>
        viewer.IsLaStaff || viewer.LeadsReview(review) || review.PapersCirculatedOn is not null;

    /// <summary>How a family member is shown on what they send ("Parent or carer", "Young person"): their relationship to the child, never their email.</summary>
    internal static async Task<string> FamilyMemberTitleAsync(this OpenSendDbContext db, Viewer viewer, Guid assessmentId, CancellationToken cancellationToken)
    {
        var personId = viewer.PersonId;
        var relationship = await db.FamilyLinks.AsNoTracking()
            .Where(l => l.AssessmentId == assessmentId && l.PersonId == personId && l.RevokedAt == null)
            .Select(l => (Role?)l.Relationship).FirstOrDefaultAsync(cancellationToken);
        return (relationship ?? Role.Parent).Title();
    }

    /// <summary>
    /// Whether <paramref name="viewer"/> works for a setting linked to the case now (the child attends
    /// it, the plan names it, or it made the request): not a setting only consulted, nor one whose
    /// part has ended and which keeps sight of the case for a while.
    /// </summary>
    public static Task<bool> WorksForSettingOfAsync(this OpenSendDbContext db, Viewer viewer, Guid assessmentId, CancellationToken cancellationToken) =>
        viewer is { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } organisationId } && SettingRoles.Contains(viewer.Role!.Value)
            ? db.SettingLinks.AnyAsync(l => l.AssessmentId == assessmentId && l.OrganisationId == organisationId && l.EndedAt == null, cancellationToken)
            : Task.FromResult(false);

    /// <summary>
    /// Whether <paramref name="viewer"/> speaks for the child beside the council: the family, or staff
    /// of a setting linked to the case now (<see cref="WorksForSettingOfAsync"/>); null for anyone else.
    /// Who may report on provision and ask for an early review.
    /// </summary>
    public static async Task<FamilyOrSetting?> SpeaksForChildAsync(this OpenSendDbContext db, Viewer viewer, Guid assessmentId, CancellationToken cancellationToken) =>
        viewer.IsFamily ? FamilyOrSetting.Family
        : await db.WorksForSettingOfAsync(viewer, assessmentId, cancellationToken) ? FamilyOrSetting.Setting
        : null;

    /// <summary>
    /// The viewer as one who speaks for the child, with how they are shown (the family member's
    /// relationship, or the setting's name) and, for a setting, its organisation; refused to anyone else.
    /// </summary>
    internal static async Task<(FamilyOrSetting Who, string Name, Guid? OrganisationId)> SpeakerForChildAsync(this OpenSendDbContext db, Viewer viewer, Guid assessmentId,
        CancellationToken cancellationToken) =>
        await db.SpeaksForChildAsync(viewer, assessmentId, cancellationToken) switch
        {
            FamilyOrSetting.Family => (FamilyOrSetting.Family, await db.FamilyMemberTitleAsync(viewer, assessmentId, cancellationToken), null),
            FamilyOrSetting.Setting => (FamilyOrSetting.Setting,
                await db.Organisations.Where(o => o.Id == viewer.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken), viewer.OrganisationId),
            _ => throw new CaseAccessDeniedException(),
        };

    /// <summary>What <paramref name="viewer"/> may do with one case (None when they may not see it).</summary>
    public static async Task<CaseAccessLevel> LevelAsync(this OpenSendDbContext db, Viewer viewer, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var readable = db.ReadableBy(viewer).Where(a => a.Id == assessmentId);
        if (!await readable.AnyAsync(cancellationToken))
        {
            return CaseAccessLevel.None;
        }

        if (viewer.IsLaStaff)
        {
            return CaseAccessLevel.Manage;
        }

        var organisationId = viewer.OrganisationId;
        var adviceDue = viewer.IsStaff && AdviserRoles.Contains(viewer.Role!.Value)
            && await db.AdviceRequests.AnyAsync(r => r.AssessmentId == assessmentId && r.AdviserOrganisationId == organisationId && r.ReceivedOn == null, cancellationToken);
        return adviceDue ? CaseAccessLevel.Contribute : CaseAccessLevel.Read;
    }
}
