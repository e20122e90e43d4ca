using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Placements;

/// <summary>The setting named, and whether naming went beyond the commissioned places (with what to tell the caseworker).</summary>
public sealed record PlacementDecision(string Named, bool BeyondCommissionedPlaces, string? Warning);

/// <summary>What the caseworker asks for when proposing a tailored list.</summary>
public sealed record ListProposal(string HomePostcode, Sen2NeedType? PrimaryNeed, DateOnly StartsOn, double MaxDistanceKm);

/// <summary>
/// A child's placement as the viewer may see it: the case, the placement (null before the LA has
/// proposed a list, or for the family before it is shared), each setting's register entry and
/// places free now, the preference the system proposes to name, and what the viewer may do.
/// </summary>
public sealed record ViewedPlacement(
    EhcCase Assessment,
    Placement? Placement,
    IReadOnlyDictionary<string, Setting> Settings,
    IReadOnlyDictionary<string, int?> Available,
    SettingPreference? Proposal,
    Sen2NeedType? PlanPrimaryNeed,
    bool CanManage)
{
    public int? AvailableAt(string urn) => Available.GetValueOrDefault(urn);
}

/// <summary>A consultation a setting has been sent, for its staff.</summary>
public sealed record ConsultationRow(Guid AssessmentId, string CaseReference, Guid PreferenceId, string SettingName, DateOnly SentOn, DateOnly DueBy, ConsultationResponse? Response);

/// <summary>
/// Naming a place (ss.33, 38–40; green paper ch.2 paras 24–28): the tailored list, the family's
/// preferences, consultations with settings and the decision on section I. Each write goes through
/// <see cref="CaseSteps"/>: one named step of <see cref="Placement"/>, its audit record, saved once. Naming a commissioned place takes it in the same transaction,
/// by a conditional update, so two caseworkers naming the last place cannot both have it.
/// </summary>
public sealed class PlacementNaming(OpenSendDbContext db, CaseSteps steps, SettingsRegister register, CaseNotifications notifications, TimeProvider time)
{
    public const string ConsultationKind = "setting-consultation";

    /// <remarks>
    /// With <paramref name="forStep"/> (a page's POST, about to record a step the write audits) the read
    /// writes no "viewed" row and saves nothing, so a step is one audit row and one commit.
    /// </remarks>
    public async Task<ViewedPlacement> GetAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var viewed = await LoadAsync(context, assessmentId, cancellationToken);
        if (!forStep)
        {
            db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, assessmentId, AuditActions.PlacementViewed, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return viewed;
    }

    /// <summary>The LA proposes the tailored list from its suitable settings, from the child's home postcode; again replaces the list.</summary>
    public async Task ProposeListAsync(RequestContext context, Guid assessmentId, ListProposal proposal, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var home = await register.LocateAsync(proposal.HomePostcode, cancellationToken)
            ?? throw new StepRefusedException("home-postcode", $"The register has no settings near {Postcodes.Normalise(proposal.HomePostcode) ?? "that postcode"}, so distances cannot be worked out. Check the postcode.");
        var laCode = viewed.Assessment.LaCode;
        var suitable = await db.SuitableSettings.AsNoTracking().Where(s => s.LaCode == laCode)
            .Join(db.Settings.AsNoTracking(), s => s.SettingUrn, s => s.Urn, (_, setting) => setting).ToListAsync(cancellationToken);
        if (suitable.Count == 0)
        {
            throw new StepRefusedException("no-suitable-settings", "The council has not listed any suitable settings yet. A SEND manager adds them under Settings, suitable settings.");
        }

        var available = await AvailabilityAsync(laCode, suitable, proposal.PrimaryNeed, cancellationToken);
        var request = new ListRequest(viewed.Assessment.Child.DateOfBirth, proposal.PrimaryNeed, proposal.StartsOn, home.Point, proposal.MaxDistanceKm);
        var proposed = TailoredListRules.Propose(request, suitable.Select(s => new SettingCandidate(s, available.GetValueOrDefault(s.Urn))));
        var now = writing.Now;
        if (viewed.Placement is { } existing)
        {
            existing.ProposeAgain(request, home.Postcode, proposed, now);
        }
        else
        {
            db.Placements.Add(Placement.Propose(assessmentId, laCode, request, home.Postcode, proposed, now));
        }

        await writing.CommitAsync(AuditActions.PlacementListProposed, $"{proposed.Count} settings within {proposal.MaxDistanceKm} km of {home.Postcode}.", "placement", cancellationToken);
    }

    public async Task AddToListAsync(RequestContext context, Guid assessmentId, string urn, string reason, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var placement = RequirePlacement(viewed);
        var setting = await SettingAsync(urn, cancellationToken);
        var available = await AvailabilityAsync(placement.LaCode, [setting], placement.PrimaryNeed, cancellationToken);
        var now = writing.Now;
        placement.AddToList(setting, TailoredListRules.Tier(setting, placement.PrimaryNeed) ?? ListTier.Independent, available.GetValueOrDefault(urn), reason, now);
        await writing.CommitAsync(AuditActions.PlacementListAdded, $"{setting.Name} ({urn}): {reason.Trim()}", "placement", cancellationToken);
    }

    public async Task RemoveFromListAsync(RequestContext context, Guid assessmentId, string urn, string reason, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var now = writing.Now;
        RequirePlacement(viewed).RemoveFromList(urn, reason, now);
        await writing.CommitAsync(AuditActions.PlacementListRemoved, $"{urn}: {reason.Trim()}", "placement", cancellationToken);
    }

    /// <summary>The family can see the list and rank their preferences; they are emailed that it is ready (never the child's name).</summary>
    public async Task ShareListAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var now = writing.Now;
        RequirePlacement(viewed).ShareList(now);
        await notifications.QueueMessageAsync(viewed.Assessment, $"Schools and colleges to choose from for {viewed.Assessment.Reference}",
            "The council has shared a list of schools and colleges that could meet your child's needs. Sign in to OpenSEND to see it and tell the council which you would prefer, in order. You can also ask for any other school or college.",
            now, cancellationToken);
        await writing.CommitAsync(AuditActions.PlacementListShared, null, "placement", cancellationToken);
    }

    /// <summary>
    /// The family's preferences in order (or the LA recording them on the family's behalf), from the
    /// list or any open setting in the register, each with their reasons (s.38(2)(b)).
    /// </summary>
    public async Task ExpressPreferencesAsync(RequestContext context, Guid assessmentId, IReadOnlyList<(string Urn, string? Reasons)> ranked, string? startedFrom = null, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        if (!(viewed.CanManage || context.Viewer.IsFamily))
        {
            throw new CaseAccessDeniedException();
        }

        var placement = viewed.Placement ?? throw new StepRefusedException("no-list", "The council has not shared a list of settings yet. You can still ask for a school or college to be named when you comment on the draft plan.");
        var urns = ranked.Select(r => r.Urn).ToList();
        var settings = await db.Settings.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, cancellationToken);
        var missing = urns.FirstOrDefault(u => !settings.ContainsKey(u));
        if (missing is not null)
        {
            throw new StepRefusedException("setting-not-found", $"There is no setting with URN {missing} in the register.");
        }

        var now = writing.Now;
        placement.ExpressPreferences(ranked.Select(r => (settings[r.Urn], r.Reasons)).ToList(), context.Actor.DisplayName, now, startedFrom);
        await writing.CommitAsync(AuditActions.PlacementPreferencesExpressed,
            string.Join("; ", placement.FamilyPreferences.Select(p => $"{p.Rank}. {p.Name}")), "placement", cancellationToken);
    }

    /// <summary>s.40: the LA puts forward a setting of its own to consult, when it cannot name the family's.</summary>
    public async Task<Guid> ProposeCouncilSettingAsync(RequestContext context, Guid assessmentId, string urn, string reasons, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var setting = await SettingAsync(urn, cancellationToken);
        var now = writing.Now;
        var preference = RequirePlacement(viewed).ProposeCouncilSetting(setting, reasons, context.Actor.DisplayName, now);
        await writing.CommitAsync(AuditActions.PlacementCouncilSetting, $"{setting.Name} ({urn}): {reasons.Trim()}", "placement", cancellationToken);
        return preference.Id;
    }

    /// <summary>
    /// s.39(2): the LA consults the setting today, giving it 15 days. A setting that uses OpenSEND is
    /// linked to the case, so its staff can read the draft plan and answer in OpenSEND, and emailed.
    /// Returns how many of its staff were emailed.
    /// </summary>
    public async Task<int> ConsultAsync(RequestContext context, Guid assessmentId, Guid preferenceId, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var placement = RequirePlacement(viewed);
        var now = writing.Now;
        var today = UkCalendar.DateOf(now);
        var dueBy = viewed.Assessment.RuleSet.Rule(StatutoryStep.ConsultationResponse).DueFrom(today);
        placement.Consult(preferenceId, today, dueBy, now);
        var preference = placement.Preferences.Single(p => p.Id == preferenceId);
        var emailed = 0;
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == OrganisationKind.Setting && o.Code == preference.Urn, cancellationToken) is { } organisation)
        {
            if (!await db.SettingLinks.AnyAsync(l => l.AssessmentId == assessmentId && l.OrganisationId == organisation.Id && l.Relationship == SettingRelationship.NamedSetting && l.EndedAt == null, cancellationToken))
            {
                db.SettingLinks.Add(new SettingLink(RecordId.New(), placement.LaCode, assessmentId, organisation.Id, SettingRelationship.NamedSetting, now, context.Actor.DisplayName));
            }

            var staff = await db.Memberships.AsNoTracking().Where(m => m.OrganisationId == organisation.Id && m.RemovedAt == null && (m.Role == Role.Senco || m.Role == Role.SettingStaff))
                .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (_, p) => p.Email).Distinct().ToListAsync(cancellationToken);
            foreach (var email in staff)
            {
                db.Outbox.Add(new OutboxMessage(RecordId.New(), ConsultationKind, email, $"Consultation: can {preference.Name} meet a child's needs? ({viewed.Assessment.Reference})",
                    string.Join("\n\n",
                        $"{viewed.Assessment.Reference}: the council is considering naming {preference.Name} in an EHC plan and must consult you first (Children and Families Act 2014 s.39(2)).",
                        $"Please say by {UkCalendar.InWords(dueBy)} whether you can meet the child's needs. Sign in to OpenSEND to read the draft plan and answer under Consultations."),
                    placement.LaCode, now));
                emailed++;
            }
        }

        await writing.CommitAsync(AuditActions.PlacementConsulted, $"{preference.Name} ({preference.Urn}), answer due {UkCalendar.InWords(dueBy)}.", "placement", cancellationToken);
        return emailed;
    }

    /// <summary>The setting's answer: from its own staff in OpenSEND, or recorded by the LA when it came another way.</summary>
    public async Task RecordResponseAsync(RequestContext context, Guid assessmentId, Guid preferenceId, ConsultationResponse response, string? reasons, DateOnly on, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var placement = RequirePlacement(viewed);
        var preference = placement.Preferences.FirstOrDefault(p => p.Id == preferenceId) ?? throw new StepRefusedException("preference-not-found", "That consultation is not on this case.");
        if (!viewed.CanManage && !await IsSettingStaffAsync(context, preference.Urn, cancellationToken))
        {
            throw new CaseAccessDeniedException();
        }

        var now = writing.Now;
        placement.RecordResponse(preferenceId, response, reasons, on, context.Actor.Organisation ?? context.Actor.DisplayName, now);
        if (response != ConsultationResponse.CanMeetNeeds)
        {
            // A setting that cannot meet the needs (or did not answer) has no further part: the access its
            // consultation gave ends after the stated time (CaseAccessPolicy), unless it is the named setting.
            await EndConsultationAccessAsync(assessmentId, preference.Urn, cancellationToken);
        }

        await writing.CommitAsync(AuditActions.PlacementConsultationAnswered, $"{preference.Name}: {response}.", "placement", cancellationToken);
    }

    private async Task EndConsultationAccessAsync(Guid assessmentId, string? urn, CancellationToken cancellationToken)
    {
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == OrganisationKind.Setting && o.Code == urn, cancellationToken) is not { } organisation)
        {
            return;
        }

        var links = await db.SettingLinks
            .Where(l => l.AssessmentId == assessmentId && l.OrganisationId == organisation.Id && l.Relationship == SettingRelationship.NamedSetting && l.EndedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            link.End(db.AccessPolicy.AccessEndsFromNow);
        }
    }

    /// <summary>The grounds for not naming a preference, each with evidence, and for refusing mainstream the reasonable steps considered (s.33).</summary>
    public async Task RecordGroundsAsync(RequestContext context, Guid assessmentId, Guid preferenceId, IReadOnlyList<(NamingGround Ground, string Evidence)> grounds, string? reasonableSteps, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var now = writing.Now;
        var placement = RequirePlacement(viewed);
        placement.RecordGrounds(preferenceId, grounds, reasonableSteps, context.Actor.DisplayName, now);
        var preference = placement.Preferences.Single(p => p.Id == preferenceId);
        await writing.CommitAsync(AuditActions.PlacementGroundsRecorded,
            grounds.Count == 0 ? $"{preference.Name}: grounds cleared." : $"{preference.Name}: {string.Join(", ", grounds.Select(g => g.Ground))}.", "placement", cancellationToken);
    }

    /// <summary>
    /// The LA names the setting in section I: the placement's rules (s.39(2), s.39(4), s.33); a
    /// commissioned place taken; section I of the plan's working copy filled; the decision on the
    /// case's record with the family's appeal rights; the family told. All in one transaction. When
    /// every commissioned place there is filled (or none is for this need), naming still goes ahead
    /// (a full school is not a s.39(4) ground; s.43 obliges it to admit): the place is counted beyond
    /// the commissioned number and the placement marked for sufficiency, and the caller is told.
    /// </summary>
    public async Task<PlacementDecision> DecideAsync(RequestContext context, Guid assessmentId, Guid preferenceId, DateOnly decidedOn, string? reasons, MainstreamIncompatibility? section33 = null, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var placement = RequirePlacement(viewed);
        var now = writing.Now;
        var named = placement.Decide(preferenceId, decidedOn, reasons, now, section33);
        var setting = await SettingAsync(named.Urn, cancellationToken);
        var notNamed = placement.Preferences.Where(p => p.Id != named.Id && p.IsExcluded && (p.Source == PreferenceSource.Family || p.Rank < named.Rank))
            .OrderBy(p => p.Rank)
            .Select(p => (p.Name, string.Join("; ", p.Grounds.Select(g => $"{NamingGroundText.Title(g.Ground)} ({g.Evidence})"))))
            .ToList();
        viewed.Assessment.RecordPlacementDecision(decidedOn, named.Name, notNamed, context.Actor, now);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.LaCode == placement.LaCode && p.AssessmentId == assessmentId, cancellationToken);
        plan?.Edit(c => c.WithSetting(new NamedSetting(setting.Name, setting.Source == SettingSource.Gias ? setting.Urn : null, setting.Ukprn, null)), now);

        var places = await db.CommissionedPlaces.AsNoTracking()
            .Where(p => p.LaCode == placement.LaCode && p.SettingUrn == named.Urn)
            .ToListAsync(cancellationToken);
        var forNeed = places.Where(p => p.Need == placement.PrimaryNeed || p.Need == null).OrderBy(p => p.Need == null).ToList();

        // One statement fills a place: while one is free it takes it, so two caseworkers cannot take the same one.
        Task<int> FillAsync(Guid id, bool onlyWhileFree) => db.CommissionedPlaces
            .Where(p => p.Id == id && (!onlyWhileFree || p.Filled < p.Commissioned))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Filled, p => p.Filled + 1).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = places.Count == 0;
        foreach (var candidate in forNeed)
        {
            taken = await FillAsync(candidate.Id, onlyWhileFree: true) == 1;
            if (taken)
            {
                break;
            }
        }

        string? warning = null;
        if (!taken)
        {
            if (forNeed.Count > 0)
            {
                await FillAsync(forNeed[0].Id, onlyWhileFree: false);
            }

            placement.RecordNamedBeyondCommissionedPlaces(now);
            warning = (forNeed.Count > 0
                ? $"Every place the council commissions at {named.Name} was filled ({forNeed.Sum(p => p.Commissioned)})"
                : $"The council commissions places at {named.Name}, but none for {placement.PrimaryNeed?.ToString() ?? "this need"}")
                + ": this child is counted beyond them. Review the places commissioned there.";
        }

        var mainstream = placement.MainstreamIncompatibleWith is { } with ? $" Mainstream not provided for: {MainstreamIncompatibilityText.Title(with)} ({placement.MainstreamIncompatibilityEvidence})." : "";
        await writing.CommitAsync(AuditActions.PlacementDecided, $"Named {named.Name} ({named.Urn}).{mainstream}{(warning is null ? "" : " " + warning)}", "placement", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PlacementDecision(named.Name, !taken, warning);
    }

    /// <summary>
    /// Naming again, for an amendment that would name a different setting (s.39 applies to it as to a
    /// new plan): the decision and the preferences are cleared, the family is told they may give their
    /// preferences again from the list, and the earlier decision stays in the audit record.
    /// </summary>
    public async Task ReopenAsync(RequestContext context, Guid assessmentId, string reason, CancellationToken cancellationToken = default)
    {
        var (writing, viewed) = await BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var placement = RequirePlacement(viewed);
        var was = placement.NamedName;
        var now = writing.Now;
        placement.Reopen(reason, now);
        await notifications.QueueMessageAsync(viewed.Assessment, $"Naming a school or college again for {viewed.Assessment.Reference}",
            "The council is considering naming a different school or college in your child's EHC plan. Sign in to OpenSEND to see the list and tell the council which you would prefer, in order. You can also ask for any other school or college.",
            now, cancellationToken);
        await writing.CommitAsync(AuditActions.PlacementReopened, $"{was} was named; naming again: {reason.Trim()}", "placement", cancellationToken);
    }

    /// <summary>The consultations a setting has been sent, newest first, for its own staff.</summary>
    public async Task<IReadOnlyList<ConsultationRow>> ConsultationsForSettingAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } organisationId })
        {
            return [];
        }

        var code = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Code).SingleAsync(cancellationToken);
        var readable = db.ReadableBy(context.Viewer);
        var rows = await db.Placements.AsNoTracking()
            .SelectMany(p => p.Preferences.Where(s => s.Urn == code && s.ConsultationSentOn != null), (p, s) => new { p.AssessmentId, Preference = s })
            .Join(readable, x => x.AssessmentId, a => a.Id, (x, a) => new { x.AssessmentId, a.Reference, x.Preference })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConsultationRow(r.AssessmentId, r.Reference, r.Preference.Id, r.Preference.Name, r.Preference.ConsultationSentOn!.Value, r.Preference.ConsultationDueBy!.Value, r.Preference.Response))
            .OrderByDescending(r => r.SentOn).ToList();
    }

    /// <summary>Whether the viewer is staff of the setting with this URN.</summary>
    public async Task<bool> IsSettingStaffAsync(RequestContext context, string urn, CancellationToken cancellationToken = default) =>
        context.Viewer is { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } organisationId }
        && await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == organisationId && o.Code == urn, cancellationToken);

    /// <summary>
    /// Places free now at each setting for a child with <paramref name="need"/>: the LA's commissioned
    /// places for that need or any need, less those filled; where it commissions none, a school's
    /// capacity less its pupils (GIAS); unknown otherwise.
    /// </summary>
    public async Task<Dictionary<string, int?>> AvailabilityAsync(string laCode, IReadOnlyCollection<Setting> settings, Sen2NeedType? need, CancellationToken cancellationToken)
    {
        var urns = settings.Select(s => s.Urn).ToList();
        var places = (await db.CommissionedPlaces.AsNoTracking().Where(p => p.LaCode == laCode && urns.Contains(p.SettingUrn)).ToListAsync(cancellationToken))
            .ToLookup(p => p.SettingUrn);
        return settings.ToDictionary(s => s.Urn, s => places[s.Urn].Any()
            ? places[s.Urn].Where(p => p.Need == need || p.Need == null).Sum(p => p.Available)
            : s.Capacity is { } capacity && s.Pupils is { } pupils ? Math.Max(0, capacity - pupils) : (int?)null);
    }

    /// <summary>A step on the placement: the case through <see cref="CaseSteps"/>, and the placement (tracked) as the viewer sees it.</summary>
    private async Task<(CaseStep, ViewedPlacement)> BeginAsync(RequestContext context, Guid assessmentId, StepBy by, CancellationToken cancellationToken)
    {
        var writing = await steps.BeginAsync(context, assessmentId, by, cancellationToken);
        return (writing, await ViewAsync(context, writing.Case, tracked: true, cancellationToken));
    }

    private async Task<ViewedPlacement> LoadAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.ReadableBy(context.Viewer, db.WholeCases).AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        return await ViewAsync(context, assessment, tracked: false, cancellationToken);
    }

    private async Task<ViewedPlacement> ViewAsync(RequestContext context, EhcCase assessment, bool tracked, CancellationToken cancellationToken)
    {
        var assessmentId = assessment.Id;
        var placements = tracked ? db.WholePlacements : db.WholePlacements.AsNoTracking();
        var placement = await placements.SingleOrDefaultAsync(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessmentId, cancellationToken);
        var canManage = context.Viewer.IsLaStaff;
        if (context.Viewer.IsFamily && placement?.ListSharedOn is null)
        {
            placement = null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessmentId, cancellationToken);
        var planNeed = (plan?.LatestFinal?.Content ?? plan?.LatestDraft?.Content ?? plan?.Working)?.PrimaryNeed?.NeedType;
        if (placement is null)
        {
            return new ViewedPlacement(assessment, null, new Dictionary<string, Setting>(), new Dictionary<string, int?>(), null, planNeed, canManage);
        }

        var urns = placement.Entries.Select(e => e.Urn).Concat(placement.Preferences.Select(p => p.Urn)).Distinct().ToList();
        var settings = await db.Settings.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, cancellationToken);
        var available = await AvailabilityAsync(placement.LaCode, settings.Values, placement.PrimaryNeed, cancellationToken);
        return new ViewedPlacement(assessment, placement, settings, available, placement.IsDecided ? null : placement.Proposal(), planNeed, canManage);
    }

    private async Task<Setting> SettingAsync(string urn, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken)
        ?? throw new StepRefusedException("setting-not-found", $"There is no setting with URN {urn} in the register.");

    private static Placement RequirePlacement(ViewedPlacement viewed) =>
        viewed.Placement ?? throw new StepRefusedException("no-list", "Propose the tailored list first.");
}

/// <summary>The grounds' words for people, with the section each comes from.</summary>
public static class NamingGroundText
{
    public static string Title(NamingGround ground) => ground switch
    {
        NamingGround.UnsuitableForAgeAbilityAptitudeOrSen => "unsuitable for the child's age, ability, aptitude or special educational needs (section 39(4)(a))",
        NamingGround.IncompatibleWithEfficientEducationOfOthers => "incompatible with the efficient education of others (section 39(4)(b)(i))",
        NamingGround.IncompatibleWithEfficientUseOfResources => "incompatible with the efficient use of resources (section 39(4)(b)(ii))",
        _ => "not a school or college of a kind the family has the right to ask for (section 38(3)); the council considered the request",
    };
}

/// <summary>The s.33(2) reasons' words for people.</summary>
public static class MainstreamIncompatibilityText
{
    public static string Title(MainstreamIncompatibleWith with) => with switch
    {
        MainstreamIncompatibleWith.FamilyWishes => "incompatible with the wishes of the child's parent or the young person (section 33(2)(a))",
        _ => "incompatible with the provision of efficient education for others (section 33(2)(b))",
    };
}
