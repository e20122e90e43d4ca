using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Domain.Reviews;

/// <summary>What the council decided about a request for an early review.</summary>
public enum EarlyReviewDecision
{
    Agreed,
    Refused,
}

/// <summary>
/// The family or the child's setting asks for the plan to be reviewed before it is due (an "interim"
/// or early review). The law sets only the longest gap between reviews (s.44(1): 12 months) and lets
/// the council review at any time; it sets no time to answer such a request, so the council states
/// its own (<see cref="LocalAuthorities.LocalAuthority.EarlyReviewDecisionDays"/>) and records why
/// it agreed or refused (green paper ch.2; issue 22). One request at a time per case.
/// </summary>
public sealed class EarlyReviewRequest
{
    public const int ReasonsLimit = 5_000;

    private EarlyReviewRequest()
    {
        LaCode = AskedByName = Reasons = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public FamilyOrSetting AskedBy { get; private set; }

    /// <summary>How the asker is shown: "Parent or carer", "Young person", or the setting's name.</summary>
    public string AskedByName { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string Reasons { get; private set; }

    public DateOnly AskedOn { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    /// <summary>The day the council said it would decide by, when it was asked.</summary>
    public DateOnly DecideBy { get; private set; }

    public EarlyReviewDecision? Decision { get; private set; }

    public string? DecisionReasons { get; private set; }

    /// <summary>For an agreed request: the day the early review is to be held by.</summary>
    public DateOnly? ReviewBy { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    public int Version { get; private set; }

    public bool AwaitsDecision => Decision is null;

    public bool DecisionOverdue(DateOnly today) => AwaitsDecision && today > DecideBy;

    public static EarlyReviewRequest Ask(Guid assessmentId, string laCode, FamilyOrSetting askedBy, string askedByName, Guid? personId, Guid? organisationId,
        string? reasons, int decisionDays, bool anotherAwaitsDecision, DateTimeOffset now)
    {
        if (anotherAwaitsDecision)
        {
            throw new StepRefusedException("early-review-already-asked", "An early review has already been asked for, and the council has not decided yet. It will decide that request first.");
        }

        reasons = Text.NullIfBlank(reasons)
            ?? throw new StepRefusedException("early-review-reasons-missing", "Say why the plan should be reviewed early");
        if (reasons.Length > ReasonsLimit)
        {
            throw new StepRefusedException("early-review-reasons-too-long", $"Your reasons must be {ReasonsLimit:N0} characters or fewer");
        }

        var today = UkCalendar.DateOf(now);
        return new EarlyReviewRequest
        {
            Id = RecordId.New(),
            LaCode = laCode,
            AssessmentId = assessmentId,
            AskedBy = askedBy,
            AskedByName = askedByName,
            PersonId = personId,
            OrganisationId = organisationId,
            Reasons = reasons,
            AskedOn = today,
            AskedAt = now,
            DecideBy = today.AddDays(decisionDays),
        };
    }

    /// <summary>
    /// The council agrees, bringing the review due forward to <paramref name="reviewBy"/>
    /// (<see cref="AnnualReview.BringForward"/>), or refuses; either way with its reasons, which the
    /// asker reads.
    /// </summary>
    public void Decide(EarlyReviewDecision decision, string? reasons, AnnualReview? due, DateOnly? reviewBy, string decidedBy, DateTimeOffset now)
    {
        if (!AwaitsDecision)
        {
            throw new StepRefusedException("early-review-already-decided", $"{DecidedBy} already decided this request on {UkCalendar.InWords(DecidedOn!.Value)}.");
        }

        reasons = Text.NullIfBlank(reasons)
            ?? throw new StepRefusedException("early-review-decision-reasons-missing", decision == EarlyReviewDecision.Agreed
                ? "Say why the council agrees and what the early review will look at"
                : "Say why the council will not review the plan early");
        if (reasons.Length > ReasonsLimit)
        {
            throw new StepRefusedException("early-review-decision-reasons-too-long", $"The reasons must be {ReasonsLimit:N0} characters or fewer");
        }

        if (decision == EarlyReviewDecision.Agreed)
        {
            var review = due ?? throw new StepRefusedException("early-review-no-review", "There is no review scheduled for this plan to bring forward.");
            var by = reviewBy ?? throw new StepRefusedException("early-review-date-missing", "Enter the date the early review will be held by");
            review.BringForward(by, now);
            ReviewBy = by;
        }

        Decision = decision;
        DecisionReasons = reasons;
        DecidedOn = UkCalendar.DateOf(now);
        DecidedBy = decidedBy;
        Version++;
    }
}
