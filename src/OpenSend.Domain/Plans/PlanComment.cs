using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Plans;

/// <summary>
/// A family's comment on a section or item of a draft plan: their representations (s.38(2)(a);
/// reg 13(1)(a)), made within 15 days of the draft. The caseworker sees each beside the section.
/// </summary>
public sealed class PlanComment
{
    private PlanComment()
    {
        LaCode = Text = MadeBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The version (a draft) the comment is about.</summary>
    public int VersionNumber { get; private set; }

    public PlanSection Section { get; private set; }

    /// <summary>The need, outcome or provision commented on; none for the section as a whole.</summary>
    public Guid? ItemId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }

    /// <summary>How the family member is shown ("Parent", "Young person"); never their email.</summary>
    public string MadeBy { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>The last day to comment on <paramref name="draft"/>: 15 days beginning with the day it was issued (reg 13(1)(a)).</summary>
    public static DateOnly WindowClosesOn(PlanVersion draft, StatutoryRuleSet rules) =>
        rules.Rule(StatutoryStep.RepresentationsClose).DueFrom(draft.IssuedOn);

    /// <summary>
    /// Records a comment on the plan's latest version, which must be a draft still open for
    /// representations: 15 days beginning with the day it was issued (reg 13(1)(a), counted by the
    /// rule set the case runs under).
    /// </summary>
    public static PlanComment On(EhcPlan plan, StatutoryRuleSet rules, PlanSection section, Guid? itemId, string text, string madeBy, Guid? personId, DateTimeOffset now)
    {
        var draft = plan.Latest;
        if (draft is null || draft.Status != PlanStatus.Draft)
        {
            throw new StepRefusedException("no-draft-to-comment-on", "There is no draft plan to comment on at the moment.");
        }

        var closes = WindowClosesOn(draft, rules);
        var today = UkCalendar.DateOf(now);
        if (today > closes)
        {
            throw new StepRefusedException("representations-closed",
                $"The time to comment on {draft.Label} ended on {UkCalendar.InWords(closes)}. Contact your council's SEND team if you still want to say something about it.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StepRefusedException("comment-empty", "Enter your comment");
        }

        if (text.Length > 5_000)
        {
            throw new StepRefusedException("comment-too-long", "Your comment must be 5,000 characters or fewer");
        }

        if (itemId is { } id && !PlanReading.Items(draft.Content, section).Any(i => i.ItemId == id))
        {
            throw new StepRefusedException("comment-unknown-item", $"That part of section {section} is not in {draft.Label}.");
        }

        return new PlanComment
        {
            Id = RecordId.New(),
            LaCode = plan.LaCode,
            PlanId = plan.Id,
            VersionNumber = draft.Number,
            Section = section,
            ItemId = itemId,
            Text = text.Trim(),
            MadeAt = now,
            MadeBy = madeBy,
            PersonId = personId,
        };
    }
}
