using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Data.Assessments;

/// <summary>
/// A decision or step on the case as a letter to print and post (issue 22: a family without email,
/// or who asked for letters by post, gets every decision on paper, with the appeal rights it
/// carries). The letter says exactly what the family's timeline and email say, in the same words,
/// with the reasons and rights recorded with the step: it is a rendering of the record, never a
/// second text to keep in step.
/// </summary>
public sealed class DecisionLetters(OpenSendDbContext db, AssessmentQueries queries, TimeProvider time)
{
    /// <summary>The council's staff print the letter (it carries the family's address); null for a step the family is not told of.</summary>
    public async Task<PlanDocumentFile?> RenderAsync(RequestContext context, Guid assessmentId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var viewed = await queries.GetCaseAsync(context, assessmentId, cancellationToken);
        if (!viewed.CanManage)
        {
            throw new Access.CaseAccessDeniedException();
        }

        var a = viewed.Assessment;
        if (a.Timeline.FirstOrDefault(e => e.Id == entryId && e.Action.NotifiesFamily()) is not { } entry)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var pdf = PlanPdf.Render($"Letter about request {a.Reference}", viewed.LocalAuthority.Name, entry.LegalBasis, Blocks(viewed, entry, UkCalendar.DateOf(now)),
            $"{viewed.LocalAuthority.Name}. {a.Reference}");
        db.AuditRecords.Add(AuditRecord.For(context, a.LaCode, a.Id, AuditActions.LetterDownloaded, now, $"The letter about: {entry.Summary}"));
        await db.SaveChangesAsync(cancellationToken);
        return new PlanDocumentFile($"Letter {a.Reference} {entry.OccurredOn:yyyy-MM-dd}.pdf", "application/pdf", pdf);
    }

    private static IEnumerable<PlanBlock> Blocks(ViewedCase viewed, PathwayEvent entry, DateOnly today)
    {
        var a = viewed.Assessment;
        yield return new PlanHeadingBlock(viewed.LocalAuthority.Name, 1);
        yield return new PlanParagraphBlock(UkCalendar.InWords(entry.OccurredOn));
        yield return new PlanParagraphBlock(a.Requester.Name);
        if (a.Contact?.PostalAddress is { } address)
        {
            foreach (var line in address.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new PlanParagraphBlock(line);
            }
        }

        yield return new PlanHeadingBlock($"{a.Child.FullName}, born {UkCalendar.InWords(a.Child.DateOfBirth)}. Our reference: {a.Reference}", 2);
        yield return new PlanParagraphBlock(entry.FamilySummary);
        if (entry.Detail is { } detail)
        {
            foreach (var line in detail.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new PlanParagraphBlock(line);
            }
        }

        yield return new PlanParagraphBlock($"The law: {entry.LegalBasis}.");
        var next = FamilyUpdate.For(a, today).WhatHappensNext;
        if (next.Count > 0)
        {
            yield return new PlanHeadingBlock("What happens next", 2);
            foreach (var step in next)
            {
                yield return new PlanParagraphBlock(step);
            }
        }

        yield return new PlanHeadingBlock("Contact us", 2);
        yield return new PlanParagraphBlock(a.CaseworkerName is { } caseworker
            ? $"Your caseworker is {caseworker}{(a.CaseworkerEmail is { } email ? $", {email}" : string.Empty)}. Please quote {a.Reference}."
            : $"Contact the SEND team at {viewed.LocalAuthority.Name} and quote {a.Reference}.");
    }
}
