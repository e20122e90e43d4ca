using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Advice;

/// <summary>
/// An adviser's advice and information for an EHC needs assessment (SEND Regulations 2014 reg 6),
/// given through OpenSEND as structured data: a summary, and the needs, outcomes and provision they
/// recommend, in the plan's own shape (sections B–H), so the caseworker can take items into the
/// draft with their source kept. Reg 8(1) gives the adviser 6 weeks from the request.
/// The adviser works on it until they send it; once sent it cannot change, and the request is
/// recorded as received on the 20-week pathway in the same transaction.
/// </summary>
public sealed class AdviceContribution
{
    private AdviceContribution()
    {
        LaCode = Summary = string.Empty;
        Content = PlanContent.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The LA responsible for the child (tenant key).</summary>
    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid AdviceRequestId { get; private set; }

    /// <summary>The adviser's advice in their own words: what they found and what they recommend.</summary>
    public string Summary { get; private set; }

    /// <summary>The needs (B–D), outcomes (E) and provision (F–H2) the adviser recommends; sections A and I–K are never used.</summary>
    public PlanContent Content { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? SentBy { get; private set; }

    /// <summary>Optimistic concurrency: two people from the adviser's team editing at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsSent => SentAt is not null;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Summary) && Content.Needs.Count == 0 && Content.Outcomes.Count == 0 && Content.Provision.Count == 0;

    public static AdviceContribution Start(Guid assessmentId, string laCode, Guid adviceRequestId, DateTimeOffset now) => new()
    {
        Id = RecordId.New(),
        AssessmentId = assessmentId,
        LaCode = laCode,
        AdviceRequestId = adviceRequestId,
        StartedAt = now,
        UpdatedAt = now,
    };

    public void WriteSummary(string? summary, DateTimeOffset now)
    {
        RequireNotSent();
        Summary = summary?.Trim() ?? string.Empty;
        Touch(now);
    }

    /// <summary>Changes the recommended needs, outcomes or provision (the plan's own rules apply: a need in B–D, provision in F–H2, links within the advice).</summary>
    public void Change(Func<PlanContent, PlanContent> change, DateTimeOffset now)
    {
        RequireNotSent();
        Content = change(Content);
        Touch(now);
    }

    /// <summary>Sends the advice to the LA. It needs at least a summary: an empty return is not advice.</summary>
    public void Send(string sentBy, DateTimeOffset now)
    {
        RequireNotSent();
        if (string.IsNullOrWhiteSpace(Summary))
        {
            throw new StepRefusedException("advice-summary-missing", "Write a summary of your advice before you send it.");
        }

        SentAt = now;
        SentBy = sentBy;
        Touch(now);
    }

    private void RequireNotSent()
    {
        if (IsSent)
        {
            throw new StepRefusedException("advice-already-sent",
                $"This advice was sent to the council on {UkCalendar.InWords(UkCalendar.DateOf(SentAt!.Value))} and can no longer be changed. Contact the council's caseworker to add to it.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
