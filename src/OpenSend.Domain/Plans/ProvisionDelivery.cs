using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Domain.Plans;

/// <summary>What the family or the setting says of one piece of provision in the plan in force.</summary>
public enum DeliveryState
{
    BeingDelivered,
    PartlyDelivered,
    NotDelivered,
}

/// <summary>
/// One report of whether a piece of provision in sections F, G or H of the plan in force is being
/// delivered, made by the family or the setting at any time, with the council's answer. The council
/// must secure the special educational provision in F (s.42(2)) and health the provision in G
/// (s.42(3)); today nobody records whether it happens (green paper ch.2 paras 20–21; issue 22).
/// Reports are kept, never edited: the latest from each reporter is what they say now.
/// </summary>
public sealed class ProvisionDeliveryReport
{
    public const int NoteLimit = 2_000;

    private ProvisionDeliveryReport()
    {
        LaCode = What = ReportedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The provision item (its id is kept from version to version of the plan).</summary>
    public Guid ProvisionId { get; private set; }

    public PlanSection Section { get; private set; }

    /// <summary>The provision's words when it was reported on, so the report still reads once the plan is amended.</summary>
    public string What { get; private set; }

    /// <summary>The plan version in force when it was reported on.</summary>
    public int VersionNumber { get; private set; }

    public FamilyOrSetting Reporter { get; private set; }

    /// <summary>How the reporter is shown: "Parent or carer", "Young person", or the setting's name; never an email.</summary>
    public string ReportedBy { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>The setting that reported, for a setting's report.</summary>
    public Guid? OrganisationId { get; private set; }

    public DeliveryState State { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Provision said to be missing in full or in part.</summary>
    public bool IsUndelivered => State != DeliveryState.BeingDelivered;

    /// <summary>A report of missing provision the council has not yet answered.</summary>
    public bool AwaitsAnswer => IsUndelivered && Answer is null;

    /// <summary>
    /// Records what <paramref name="reportedBy"/> says of one piece of provision in the plan in force.
    /// Missing provision needs a note saying what is missing, so the council can act on it.
    /// </summary>
    public static ProvisionDeliveryReport Make(EhcPlan plan, Guid provisionId, FamilyOrSetting reporter, string reportedBy, Guid? personId, Guid? organisationId,
        DeliveryState state, string? note, DateTimeOffset now)
    {
        var inForce = plan.LatestFinal
            ?? throw new StepRefusedException("no-plan-in-force", "There is no plan in force yet. You can say whether provision is delivered once the final plan is issued.");
        var provision = inForce.Content.Provision.FirstOrDefault(p => p.Id == provisionId)
            ?? throw new StepRefusedException("delivery-unknown-provision", $"That provision is not in {inForce.Label}, the plan in force.");
        note = Text.NullIfBlank(note)?.Trim();
        if (state != DeliveryState.BeingDelivered && note is null)
        {
            throw new StepRefusedException("delivery-note-missing", state == DeliveryState.NotDelivered
                ? "Say what is not happening, and since when"
                : "Say which part is not happening, and since when");
        }

        if (note is { Length: > NoteLimit })
        {
            throw new StepRefusedException("delivery-note-too-long", $"What you say must be {NoteLimit:N0} characters or fewer");
        }

        return new ProvisionDeliveryReport
        {
            Id = RecordId.New(),
            LaCode = plan.LaCode,
            AssessmentId = plan.AssessmentId,
            PlanId = plan.Id,
            ProvisionId = provision.Id,
            Section = provision.Section,
            What = provision.What,
            VersionNumber = inForce.Number,
            Reporter = reporter,
            ReportedBy = reportedBy,
            PersonId = personId,
            OrganisationId = organisationId,
            State = state,
            Note = note,
            ReportedAt = now,
        };
    }

    /// <summary>
    /// The council's answer to a report of missing provision: what it is doing about it. Answered
    /// once; a later change of circumstance is a new report.
    /// </summary>
    public void AnswerWith(string? answer, string answeredBy, DateTimeOffset now)
    {
        if (!IsUndelivered)
        {
            throw new StepRefusedException("delivery-nothing-to-answer", "This report says the provision is being delivered, so there is nothing to answer.");
        }

        if (Answer is not null)
        {
            throw new StepRefusedException("delivery-already-answered", $"{AnsweredBy} already answered this report. If things have changed, the family or setting can report again.");
        }

        answer = Text.NullIfBlank(answer)?.Trim()
            ?? throw new StepRefusedException("delivery-answer-missing", "Say what the council is doing about it");
        if (answer.Length > NoteLimit)
        {
            throw new StepRefusedException("delivery-answer-too-long", $"The answer must be {NoteLimit:N0} characters or fewer");
        }

        Answer = answer;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }

    /// <summary>What each reporter says now: their latest report on each piece of provision.</summary>
    public static IReadOnlyList<ProvisionDeliveryReport> Latest(IEnumerable<ProvisionDeliveryReport> reports) =>
        reports.GroupBy(r => (r.ProvisionId, r.Reporter, r.OrganisationId))
            .Select(g => g.MaxBy(r => r.ReportedAt)!)
            .ToList();
}

public static class DeliveryStateText
{
    public static string Title(this DeliveryState state) => state switch
    {
        DeliveryState.BeingDelivered => "Being delivered",
        DeliveryState.PartlyDelivered => "Partly delivered",
        DeliveryState.NotDelivered => "Not delivered",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The GOV.UK tag colour for the state.</summary>
    public static string TagClass(this DeliveryState state) => state switch
    {
        DeliveryState.BeingDelivered => "govuk-tag--green",
        DeliveryState.PartlyDelivered => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };
}
