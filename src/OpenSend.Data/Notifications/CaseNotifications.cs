using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Data.Notifications;

/// <summary>
/// Tells the family what changed on their case and what happens next, by email through the outbox.
/// The email never names the child (emails are not a secure channel): it gives the reference and
/// sends them to their tracking link or account for the details.
/// </summary>
public sealed class CaseNotifications(OpenSendDbContext db)
{
    public const string Kind = "case-update";

    /// <summary>Adds, to the caller's unit of work, an update for the case's latest step to everyone who should hear of it.</summary>
    public async Task QueueUpdateAsync(EhcCase assessment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var latest = assessment.Timeline[^1];
        if (!latest.Action.NotifiesFamily())
        {
            return;
        }

        var update = FamilyUpdate.For(assessment, UkCalendar.DateOf(now));
        var next = update.DatesAhead.FirstOrDefault()?.Text ?? update.WhatHappensNext.FirstOrDefault();
        var body = string.Join("\n\n", new[]
        {
            latest.FamilySummary,
            next is null ? null : $"Next: {next}.",
            "To see every date and the reasons for each decision, use your private tracking link or sign in to OpenSEND as a parent or young person.",
            $"Your reference: {assessment.Reference}",
        }.Where(line => line is not null));
        foreach (var recipient in await RecipientsAsync(assessment, cancellationToken))
        {
            db.Outbox.Add(new OutboxMessage(RecordId.New(), Kind, recipient, $"Update on your request {assessment.Reference}", body, assessment.LaCode, now));
        }
    }

    /// <summary>Adds a message to the family that is not a step on the pathway (a list to choose from, say), with their reference.</summary>
    public async Task QueueMessageAsync(EhcCase assessment, string subject, string text, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var body = string.Join("\n\n", text, $"Your reference: {assessment.Reference}");
        foreach (var recipient in await RecipientsAsync(assessment, cancellationToken))
        {
            db.Outbox.Add(new OutboxMessage(RecordId.New(), Kind, recipient, subject, body, assessment.LaCode, now));
        }
    }

    public const string InvitationKind = "review-invitation";

    /// <summary>
    /// Reg 20(3): invitations to a review meeting, to the family and to the staff of every organisation
    /// asked for advice on the case, with the date advice and information are due (reg 20(4)).
    /// Like every email, it gives the reference, never the child's name. Returns how many were queued.
    /// </summary>
    public async Task<int> QueueReviewInvitationsAsync(EhcCase assessment, string invitedBy, DateOnly meetingOn, DateOnly papersBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var body = string.Join("\n\n",
            $"You are invited to the annual review meeting for EHC plan {assessment.Reference} on {UkCalendar.InWords(meetingOn)}, arranged by {invitedBy}.",
            $"Please give any advice or information for the review by {UkCalendar.InWords(papersBy)}, so it can go to everyone invited at least 2 weeks before the meeting. Sign in to OpenSEND and open the review to give it; parents, carers and young people can give their own and their child's views there too.",
            "If you cannot attend, you can send your views in writing.");
        return await QueueToInviteesAsync(assessment, InvitationKind, $"Invitation: annual review meeting for {assessment.Reference}", body, now, cancellationToken);
    }

    public const string PapersKind = "review-papers";

    /// <summary>Reg 20(4): everyone invited is told the advice and information for the meeting are ready to read. Returns how many were queued.</summary>
    public async Task<int> QueueReviewPapersAsync(EhcCase assessment, DateOnly meetingOn, int contributions, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var body = string.Join("\n\n",
            $"The advice and information gathered for the annual review meeting for EHC plan {assessment.Reference} on {UkCalendar.InWords(meetingOn)} are ready to read ({contributions} {(contributions == 1 ? "contribution" : "contributions")}).",
            "Sign in to OpenSEND and open the review to read them before the meeting.");
        return await QueueToInviteesAsync(assessment, PapersKind, $"Papers for the annual review meeting for {assessment.Reference}", body, now, cancellationToken);
    }

    /// <summary>The family and the staff of every organisation asked for advice on the case (reg 20(3)).</summary>
    private async Task<int> QueueToInviteesAsync(EhcCase assessment, string kind, string subject, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var advisers = assessment.AdviceRequests.Select(r => r.AdviserOrganisationId).OfType<Guid>().Distinct().ToList();
        var professionals = advisers.Count == 0 ? [] : await db.Memberships
            .Where(m => advisers.Contains(m.OrganisationId) && m.RemovedAt == null)
            .Join(db.People, m => m.PersonId, p => p.Id, (_, p) => p.Email)
            .ToListAsync(cancellationToken);
        var recipients = (await RecipientsAsync(assessment, cancellationToken)).Concat(professionals.Select(e => e.Trim().ToLowerInvariant())).Distinct().ToList();
        foreach (var recipient in recipients)
        {
            db.Outbox.Add(new OutboxMessage(RecordId.New(), kind, recipient, subject, body, assessment.LaCode, now));
        }

        return recipients.Count;
    }

    /// <summary>
    /// The person who made the request, and every parent or young person linked to the case; not a
    /// parent who made it once the young person has ended their parents' access (s.83(2)).
    /// </summary>
    private async Task<IReadOnlyList<string>> RecipientsAsync(EhcCase assessment, CancellationToken cancellationToken)
    {
        var linked = await db.FamilyLinks.Where(l => l.AssessmentId == assessment.Id && l.RevokedAt == null)
            .Join(db.People, l => l.PersonId, p => p.Id, (_, p) => p.Email)
            .ToListAsync(cancellationToken);
        return linked.Append(assessment.RequesterAccessEnded ? string.Empty : assessment.Requester.Email.Trim().ToLowerInvariant())
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Distinct()
            .ToList();
    }
}
