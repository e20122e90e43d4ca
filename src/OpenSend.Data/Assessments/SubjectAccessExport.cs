using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Assessments;

/// <summary>
/// Everything held about a child, for a subject access request (UK GDPR Article 15): the case with
/// its history, who can see it, every audit entry, every issued version of the plan with the family's
/// comments, the advisers' written advice, and the files held on the case, in a zip. The responsible
/// LA's SEND manager can make one, and so can the family linked to the case, for their own child
/// (issue 22). The family's copy leaves out what is exempt from them: documents the council withholds
/// (listed with the reason), advice an adviser has not yet sent, and the network addresses of the
/// staff who looked. Making one is audited.
/// </summary>
public sealed class SubjectAccessExport(OpenSendDbContext db, DocumentStorage storage, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(string FileName, byte[] Zip)> CreateAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ReadableBy(context.Viewer, db.WholeCases.AsNoTracking())
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var forFamily = context.Viewer.IsFamily;
        if (!forFamily && context.Viewer is not { IsLaStaff: true, Role: OpenSend.Domain.Identity.Role.LaSendManager })
        {
            throw new CaseAccessDeniedException();
        }

        var family = await db.FamilyLinks.AsNoTracking().Where(l => l.AssessmentId == assessmentId)
            .Join(db.People.AsNoTracking(), l => l.PersonId, p => p.Id, (l, p) => new { p.Email, l.Relationship, l.Source, l.LinkedAt, l.RevokedAt })
            .ToListAsync(cancellationToken);
        var settings = await db.SettingLinks.AsNoTracking().Where(l => l.AssessmentId == assessmentId)
            .Join(db.Organisations.AsNoTracking(), l => l.OrganisationId, o => o.Id, (l, o) => new { o.Name, o.Code, l.Relationship, l.LinkedAt, l.EndedAt })
            .ToListAsync(cancellationToken);
        var audit = await db.AuditRecords.AsNoTracking().Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessmentId).OrderBy(r => r.Id)
            .Select(r => new { r.At, r.ActorName, r.ActorRole, r.ActorOrganisation, r.Action, SourceAddress = forFamily ? null : r.SourceAddress, r.Detail })
            .ToListAsync(cancellationToken);

        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessmentId, cancellationToken);
        var comments = plan is null ? [] : await db.PlanComments.AsNoTracking().Where(c => c.LaCode == assessment.LaCode && c.PlanId == plan.Id)
            .OrderBy(c => c.MadeAt).Select(c => new { c.VersionNumber, c.Section, c.ItemId, c.Text, c.MadeBy, c.MadeAt }).ToListAsync(cancellationToken);
        var familyViews = await db.FamilyViews.AsNoTracking().SingleOrDefaultAsync(v => v.LaCode == assessment.LaCode && v.AssessmentId == assessmentId, cancellationToken);
        var advice = await db.AdviceContributions.AsNoTracking().Where(c => c.LaCode == assessment.LaCode && c.AssessmentId == assessmentId && (!forFamily || c.SentAt != null)).ToListAsync(cancellationToken);
        var reviews = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessmentId).OrderBy(r => r.DueBy).ToListAsync(cancellationToken);
        var reviewContributions = await db.ReviewContributions.AsNoTracking().Where(c => c.LaCode == assessment.LaCode && c.AssessmentId == assessmentId)
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        var held = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.LaCode == assessment.LaCode && d.AssessmentId == assessmentId)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var documents = forFamily ? held.Where(d => !d.IsWithheld).ToList() : held;
        var withheld = forFamily ? held.Where(d => d.IsWithheld).Select(d => $"- {d.Title}: {d.WithheldReason}").ToList() : [];

        var now = time.GetUtcNow();
        var record = new
        {
            assessment.Reference,
            LocalAuthority = assessment.LaCode,
            assessment.Child,
            assessment.Requester,
            assessment.ReasonForRequest,
            assessment.ConsentToShare,
            assessment.RequestReceivedOn,
            RuleSet = assessment.RuleSet.Name,
            assessment.Stage,
            assessment.RequestedSetting,
            assessment.NamedSetting,
            Deadlines = assessment.Deadlines(UkCalendar.DateOf(now)).Select(d => new { d.Deadline.Step, d.Deadline.Title, d.Deadline.Due, d.Deadline.Basis, d.State, d.CompletedOn, d.ExceptionBasis }),
            AdviceRequests = assessment.AdviceRequests.Select(a => new { a.Kind, a.AdviserName, a.RequestedOn, a.ReceivedOn }),
            PanelRecommendations = assessment.PanelRecommendations.Select(p => new { p.Question, p.Outcome, p.MeetingOn, p.Notes }),
            Exceptions = assessment.Exceptions.Select(e => new { e.Reason, e.Steps, e.From, e.To, e.Explanation, e.Basis, e.RecordedOn, e.RecordedByName }),
            Timeline = assessment.Timeline.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt)
                .Select(e => new { e.Action, e.OccurredOn, e.RecordedAt, e.RecordedByName, e.RecordedByRole, e.LegalBasis, e.Summary, e.FamilySummary, e.Detail }),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(
                $"Subject access export of OpenSEND case {assessment.Reference}, made on {UkCalendar.InWords(now)} by {context.Actor.DisplayName}.\n\n" +
                "case.json: the request, its statutory deadlines, advice, panel recommendations, exceptions and every recorded step with its legal basis.\n" +
                "access.json: the family accounts and settings that can see the case.\n" +
                "audit.json: every time the record was looked at or changed, by whom and from where.\n" +
                "plan.json: every issued version of the EHC plan (the national format) and the family's comments on the drafts.\n" +
                "advice.json: the views the family sent and the advice professionals wrote through OpenSEND.\n" +
                "reviews.json: every review of the plan, its report and decision, and the advice and views given for it.\n" +
                "documents/: every file held on the case, as uploaded.\n" +
                (withheld.Count == 0 ? string.Empty : "\nThe council keeps these documents from you, for the reasons given:\n" + string.Join("\n", withheld) + "\n")));
            Add(zip, "case.json", JsonSerializer.SerializeToUtf8Bytes(record, Json));
            Add(zip, "access.json", JsonSerializer.SerializeToUtf8Bytes(new { Family = family, Settings = settings }, Json));
            Add(zip, "audit.json", JsonSerializer.SerializeToUtf8Bytes(audit, Json));
            Add(zip, "plan.json", Encoding.UTF8.GetBytes(PlanJson.Serialize(new
            {
                Versions = plan?.Versions.OrderBy(v => v.Number).Select(v => PlanVersionDocument.From(v, assessment.LaCode, assessment.Reference)).ToList() ?? [],
                Comments = comments,
            })));
            Add(zip, "advice.json", Encoding.UTF8.GetBytes(PlanJson.Serialize(new
            {
                Family = familyViews is null ? null : new { familyViews.Views, familyViews.SentBy, familyViews.SentAt },
                Advisers = advice.Select(a => new
                {
                    Adviser = assessment.AdviceRequests.FirstOrDefault(r => r.Id == a.AdviceRequestId)?.AdviserName,
                    a.Summary,
                    Recommended = a.Content,
                    a.SentAt,
                    a.SentBy,
                }),
            })));
            Add(zip, "reviews.json", Encoding.UTF8.GetBytes(PlanJson.Serialize(reviews.Select(r => new
            {
                r.DueBy,
                r.PhaseTransfer,
                r.PhaseTransferOn,
                r.PhaseTransferDueBy,
                r.MeetingOn,
                r.InvitationsSentOn,
                r.PapersCirculatedOn,
                r.MeetingHeldOn,
                r.ReportSentOn,
                r.Report,
                r.Decision,
                r.DecidedOn,
                r.DecisionReasons,
                r.CeaseReason,
                r.AmendmentNoticeOn,
                r.AmendedPlanIssuedOn,
                Contributions = reviewContributions.Where(c => c.ReviewId == r.Id)
                    .Select(c => new { c.Kind, c.AuthorName, c.OrganisationName, c.ChildViews, c.Text, c.SubmittedOn }),
            }).ToList())));
            foreach (var (document, index) in documents.Select((d, i) => (d, i + 1)))
            {
                var entry = zip.CreateEntry($"documents/{index:000} {document.FileName}", CompressionLevel.Optimal);
                await using var source = File.OpenRead(storage.PathFor(document.Sha256));
                await using var target = entry.Open();
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessmentId, AuditActions.SubjectAccessExport, now));
        await db.SaveChangesAsync(cancellationToken);
        return ($"subject-access-{assessment.Reference}.zip", buffer.ToArray());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
