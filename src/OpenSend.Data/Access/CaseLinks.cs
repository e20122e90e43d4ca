using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Identity;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Access;

/// <summary>A case as one family member sees who decides on it: their own relationship and how many parents' accounts see it now.</summary>
public sealed record FamilySharing(EhcCase Case, Role Relationship, int ParentsLinked);

/// <summary>Who, beyond the LA, can see a case: its family accounts and its linked settings.</summary>
public sealed record CaseConnections(IReadOnlyList<CaseConnections.FamilyMember> Family, IReadOnlyList<CaseConnections.LinkedSetting> Settings)
{
    public sealed record FamilyMember(Guid LinkId, string Email, Role Relationship, FamilyLinkSource Source, DateTimeOffset LinkedAt);

    public sealed record LinkedSetting(Guid LinkId, Guid OrganisationId, string Name, string Code, SettingRelationship Relationship, DateTimeOffset LinkedAt);
}

/// <summary>
/// Creates the relationships access is decided by: a family adding a request to their account with
/// its tracking link, the LA giving a parent or young person access, and the LA linking settings.
/// Each change is audited with the case.
/// </summary>
public sealed class CaseLinks(OpenSendDbContext db, ServiceAddress address, TimeProvider time)
{
    public const string AccessGrantedKind = "access-granted";

    public const string NewTrackingLinkKind = "tracking-link";

    /// <summary>
    /// The family member holding the private tracking link adds the request to their account, as
    /// the requester's own relationship (a parent's request: parent; a young person's: young person).
    /// The link does this once (<see cref="EhcCase.UseTrackingLink"/>); a request made by
    /// a school or someone else is not the family's to claim (the LA gives the family access); and a
    /// person whose access the LA ended cannot give it back to themselves.
    /// </summary>
    public async Task<Guid> ClaimWithTrackingTokenAsync(RequestContext context, string token, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsFamily)
        {
            throw new StepRefusedException("not-a-family-account", "Sign in as a parent or young person to add a request to your account.");
        }

        var hash = AssessmentCases.HashTrackingToken(token);
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.TrackingTokenHash == hash, cancellationToken)
            ?? throw new CaseNotFoundException();
        var personId = context.Viewer.PersonId!.Value;
        var links = await db.FamilyLinks.AsNoTracking().Where(l => l.AssessmentId == assessment.Id && l.PersonId == personId).ToListAsync(cancellationToken);
        if (links.Any(l => l.RevokedAt == null))
        {
            return assessment.Id;
        }

        if (links.Count > 0)
        {
            throw new StepRefusedException("family-access-ended", "The council has ended your access to this request. Contact them if you think this is wrong.");
        }

        Role relationship = assessment.Requester.Kind switch
        {
            RequesterKind.Parent => Role.Parent,
            RequesterKind.YoungPerson => Role.YoungPerson,
            _ => throw new StepRefusedException("not-the-familys-request",
                "This request was made by a school, college or professional, so its link cannot add it to a family account. Ask the council to give you access."),
        };
        var now = time.GetUtcNow();
        assessment.UseTrackingLink(now);
        db.FamilyLinks.Add(new FamilyLink(RecordId.New(), assessment.LaCode, assessment.Id, personId, relationship, FamilyLinkSource.TrackingLink, now));
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, AuditActions.FamilyLinked, now, "With the tracking link"));
        await db.SaveChangesAsync(cancellationToken);
        return assessment.Id;
    }

    /// <summary>
    /// The LA sends the requester a new tracking link (the old one stops working, and the new one can
    /// add the request to an account once more). Returns the new link.
    /// </summary>
    public async Task<string> ReplaceTrackingLinkAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken, tracked: true);
        if (assessment.RequesterAccessEnded && assessment.ParentAccessEndedOn is { } ended)
        {
            // s.83(2): the young person decided on this; the parent who made the request is not to follow it again.
            throw new StepRefusedException("parent-access-ended",
                $"The young person ended their parents' access on {UkCalendar.InWords(ended)}, and a parent made this request, so no new link can go to them.");
        }

        var now = time.GetUtcNow();
        var token = AssessmentCases.NewTrackingToken();
        var link = address.Link($"/track/{token}");
        assessment.ReplaceTrackingLink(AssessmentCases.HashTrackingToken(token), now);
        // A requester without email (a request by letter or phone) is sent the link by post, from the page.
        if (!string.IsNullOrWhiteSpace(assessment.Requester.Email))
        {
            db.Outbox.Add(new OutboxMessage(RecordId.New(), NewTrackingLinkKind, assessment.Requester.Email, $"A new link to follow request {assessment.Reference}",
            $"Your council has sent you a new private link to follow request {assessment.Reference} for an EHC needs assessment:\n\n{link}\n\nThe link you had before no longer works. Keep this one private: anyone with it can see the request's dates and decisions.",
            assessment.LaCode, now));
        }

        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.TrackingLinkReplaced, now, "A new tracking link sent to the requester"));
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>A caseworker gives a parent, carer or young person access by their email address.</summary>
    public async Task LinkFamilyAsync(RequestContext context, Guid assessmentId, string email, Role relationship, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        if (!relationship.IsFamily())
        {
            throw new StepRefusedException("not-a-family-role", "Choose whether they are a parent or carer, or the young person.");
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new StepRefusedException("email-missing", "Enter their email address, like name@example.com.");
        }

        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == normalised, cancellationToken);
        if (person is { Kind: PersonKind.Staff })
        {
            throw new StepRefusedException("email-is-a-staff-account", "This email address belongs to a staff account. Use the family's own email address.");
        }

        if (person is null)
        {
            person = new Person(RecordId.New(), PersonKind.Family, normalised, normalised, now);
            db.People.Add(person);
        }
        else if (await db.FamilyLinks.AnyAsync(l => l.AssessmentId == assessmentId && l.PersonId == person.Id && l.RevokedAt == null, cancellationToken))
        {
            throw new StepRefusedException("already-linked", "This person can already see the case.");
        }

        db.FamilyLinks.Add(new FamilyLink(RecordId.New(), assessment.LaCode, assessmentId, person.Id, relationship, FamilyLinkSource.LinkedByCouncil, now));
        db.Outbox.Add(new OutboxMessage(RecordId.New(), AccessGrantedKind, normalised, $"You can now follow request {assessment.Reference} on OpenSEND",
            $"Your council has given you access to request {assessment.Reference} for an EHC needs assessment.\n\nSign in at {address.Link("/sign-in/family")} with this email address: we will send you a code. You will see every date ahead, each decision with its reasons, and who has looked at the record.",
            assessment.LaCode, now));
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.FamilyLinked, now, $"{relationship.Title()} given access by the council"));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RevokeFamilyAsync(RequestContext context, Guid assessmentId, Guid linkId, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        var link = await db.FamilyLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.AssessmentId == assessmentId, cancellationToken)
            ?? throw new StepRefusedException("link-not-found", "That person is not linked to this case.");
        var now = time.GetUtcNow();
        link.Revoke(now);
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.FamilyUnlinked, now, linkId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Once the decisions are theirs (s.83(2)), the young person, signed in with their own account,
    /// chooses whether their parents' accounts still see the record and hear of it. Ending it ends
    /// every parent's link at once; the council can give access again only if the young person asks.
    /// Where the council has recorded that the young person lacks capacity, their representative
    /// acts for them (s.80), so the young person's account cannot end it.
    /// </summary>
    public async Task ChooseParentAccessAsync(RequestContext context, Guid assessmentId, bool parentsKeepAccess, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var personId = context.Viewer.PersonId!.Value;
        var assessment = await db.ReadableBy(context.Viewer).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var links = await db.FamilyLinks.Where(l => l.AssessmentId == assessmentId && l.RevokedAt == null).ToListAsync(cancellationToken);
        if (!links.Any(l => l.PersonId == personId && l.Relationship == Role.YoungPerson))
        {
            throw new CaseAccessDeniedException();
        }

        var now = time.GetUtcNow();
        try
        {
            assessment.RecordParentAccessChoice(parentsKeepAccess, AssessmentCases.HashTrackingToken(AssessmentCases.NewTrackingToken()), now);
        }
        catch (StepRefusedException refused) when (refused.Code is "not-yet-a-young-person" or "young-person-represented")
        {
            // The same rule, in the young person's own words.
            throw new StepRefusedException(refused.Code, refused.Code == "not-yet-a-young-person"
                ? $"Your parent or carer makes the decisions until {UkCalendar.InWords(assessment.YoungPersonFrom)}. From then, you choose who sees your record."
                : $"The council has recorded that {assessment.LacksCapacity!.ActingForThem} makes these decisions with you. Contact your caseworker if you think you can make them yourself.");
        }

        var parents = links.Where(l => l.Relationship == Role.Parent).ToList();
        if (!parentsKeepAccess)
        {
            foreach (var parent in parents)
            {
                parent.Revoke(now);
            }
        }

        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.ParentAccessChosen, now,
            parentsKeepAccess ? "Parents keep access." : $"Parents' access ended ({parents.Count})."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Who decides on a case the family member sees: the case, how they are linked to it, and how many parents' accounts see it now.</summary>
    public async Task<FamilySharing> FamilySharingAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var personId = context.Viewer.PersonId!.Value;
        var assessment = await db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var links = await db.FamilyLinks.AsNoTracking().Where(l => l.AssessmentId == assessmentId && l.RevokedAt == null).ToListAsync(cancellationToken);
        return new FamilySharing(assessment, links.First(l => l.PersonId == personId).Relationship, links.Count(l => l.Relationship == Role.Parent));
    }

    /// <summary>A caseworker links a setting; its SENCO and staff can then see the case.</summary>
    public async Task LinkSettingAsync(RequestContext context, Guid assessmentId, Guid organisationId, SettingRelationship relationship, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        var setting = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId && o.Kind == OrganisationKind.Setting, cancellationToken)
            ?? throw new StepRefusedException("unknown-setting", "Select a setting that uses OpenSEND.");
        if (await db.SettingLinks.AnyAsync(l => l.AssessmentId == assessmentId && l.OrganisationId == organisationId && l.Relationship == relationship && l.EndedAt == null, cancellationToken))
        {
            throw new StepRefusedException("already-linked", $"{setting.Name} is already linked to this case that way.");
        }

        var now = time.GetUtcNow();
        db.SettingLinks.Add(new SettingLink(RecordId.New(), assessment.LaCode, assessmentId, organisationId, relationship, now, context.Actor.DisplayName));
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.SettingLinked, now, $"{setting.Name} ({setting.Code}) as {relationship}"));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task EndSettingLinkAsync(RequestContext context, Guid assessmentId, Guid linkId, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        var link = await db.SettingLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.AssessmentId == assessmentId, cancellationToken)
            ?? throw new StepRefusedException("link-not-found", "That setting is not linked to this case.");
        var now = time.GetUtcNow();
        link.End(now);
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.SettingUnlinked, now, linkId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The family accounts and settings that can see the case (for its LA's staff).</summary>
    public async Task<CaseConnections> ConnectionsAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await ManagedCaseAsync(context, assessmentId, cancellationToken);
        var family = await db.FamilyLinks.AsNoTracking().Where(l => l.AssessmentId == assessmentId && l.RevokedAt == null)
            .Join(db.People.AsNoTracking(), l => l.PersonId, p => p.Id, (l, p) => new CaseConnections.FamilyMember(l.Id, p.Email, l.Relationship, l.Source, l.LinkedAt))
            .ToListAsync(cancellationToken);
        var settings = await db.SettingLinks.AsNoTracking().Where(l => l.AssessmentId == assessmentId && l.EndedAt == null)
            .Join(db.Organisations.AsNoTracking(), l => l.OrganisationId, o => o.Id, (l, o) => new CaseConnections.LinkedSetting(l.Id, o.Id, o.Name, o.Code, l.Relationship, l.LinkedAt))
            .ToListAsync(cancellationToken);
        return new CaseConnections(family, settings);
    }

    /// <summary>Settings in the case's LA that can be linked.</summary>
    public async Task<IReadOnlyList<Organisation>> SettingsInAreaAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        return await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Setting && o.LaCode == assessment.LaCode).OrderBy(o => o.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Organisations in the case's area that can be asked for advice through OpenSEND (settings, ICB, social care).</summary>
    public async Task<IReadOnlyList<Organisation>> AdvisersInAreaAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await ManagedCaseAsync(context, assessmentId, cancellationToken);
        OrganisationKind[] kinds = [OrganisationKind.Setting, OrganisationKind.IntegratedCareBoard, OrganisationKind.SocialCare];
        return await db.Organisations.AsNoTracking().Where(o => kinds.Contains(o.Kind) && o.LaCode == assessment.LaCode).OrderBy(o => o.Name).ToListAsync(cancellationToken);
    }

    private async Task<EhcCase> ManagedCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken, bool tracked = false)
    {
        var readable = db.ReadableBy(context.Viewer);
        var assessment = await (tracked ? readable : readable.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        return context.Viewer.IsLaStaff ? assessment : throw new CaseAccessDeniedException();
    }
}
