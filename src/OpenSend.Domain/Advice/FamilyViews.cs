using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Advice;

/// <summary>
/// The family's own advice for the assessment: the child's or young person's views, interests and
/// aspirations and their parents' views, in their own words (SEND Regulations 2014 reg 6(1)(a) and
/// reg 7; s.19). The caseworker writes section A from it. The family may send it again at any time
/// before the plan is final; the latest is what the caseworker sees, and each sending is audited.
/// </summary>
public sealed class FamilyViews
{
    private FamilyViews()
    {
        LaCode = SentBy = string.Empty;
        Views = new ViewsAndAspirations(null, null, null, null);
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public ViewsAndAspirations Views { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>How the family member is shown ("Parent or carer", "Young person"); never their email.</summary>
    public string SentBy { get; private set; }

    public static FamilyViews Send(Guid assessmentId, string laCode, ViewsAndAspirations views, string sentBy, DateTimeOffset now)
    {
        var sent = new FamilyViews { Id = RecordId.New(), AssessmentId = assessmentId, LaCode = laCode };
        sent.Replace(views, sentBy, now);
        return sent;
    }

    public void Replace(ViewsAndAspirations views, string sentBy, DateTimeOffset now)
    {
        if (views.IsEmpty)
        {
            throw new StepRefusedException("views-empty", "Write something in at least one box: your child's own words, your views, their interests or their hopes.");
        }

        Views = views with { Media = null };
        SentBy = sentBy;
        SentAt = now;
    }
}
