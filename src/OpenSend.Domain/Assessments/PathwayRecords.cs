using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Assessments;

/// <summary>Who is asking for the assessment (s.36(1) and the routes by which a child comes to the LA's attention).</summary>
public enum RequesterKind
{
    Parent,
    YoungPerson,
    SchoolOrCollege,
    Other,
}

/// <summary>The kinds of advice reg 6(1) requires the LA to seek.</summary>
public enum AdviserKind
{
    /// <summary>Reg 6(1)(b): from the head teacher, principal, SENCO or early years provider.</summary>
    Educational,

    /// <summary>Reg 6(1)(c): medical advice from a health care professional.</summary>
    Health,

    /// <summary>Reg 6(1)(d): from an educational psychologist.</summary>
    Psychological,

    /// <summary>Reg 6(1)(e): from social care.</summary>
    SocialCare,

    /// <summary>Reg 6(1)(f)–(h): any other advice the LA considers appropriate (e.g. preparing for adulthood, sensory impairment).</summary>
    Other,
}

/// <summary>Whether the panel was asked about assessing or about issuing a plan (green paper ch.2 para 12).</summary>
public enum PanelQuestion
{
    WhetherToAssess,
    WhetherToIssue,
}

public enum PanelRecommendationOutcome
{
    Yes,
    No,
}

public sealed record Child(string GivenName, string FamilyName, DateOnly DateOfBirth)
{
    public string FullName => $"{GivenName} {FamilyName}";
}

public sealed record Requester(RequesterKind Kind, string Name, string Email, string? Phone, string? Organisation);

/// <summary>One request for advice and information (reg 6), with its own 6-week clock (reg 8(1)).</summary>
public sealed class AdviceRequest
{
    private AdviceRequest()
    {
        LaCode = AdviserName = string.Empty;
    }

    internal AdviceRequest(Guid id, string laCode, Guid assessmentId, AdviserKind kind, string adviserName, Guid? adviserOrganisationId, DateOnly requestedOn)
    {
        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        Kind = kind;
        AdviserName = adviserName;
        AdviserOrganisationId = adviserOrganisationId;
        RequestedOn = requestedOn;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public AdviserKind Kind { get; private set; }

    public string AdviserName { get; private set; }

    /// <summary>The organisation asked, when it uses OpenSEND: its advisers can then see the case (until the advice is in, to contribute).</summary>
    public Guid? AdviserOrganisationId { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    internal void MarkReceived(DateOnly on) => ReceivedOn = on;
}

/// <summary>A multi-agency panel's recommendation, recorded before the LA decides.</summary>
public sealed class PanelRecommendation
{
    private PanelRecommendation()
    {
        LaCode = Notes = string.Empty;
    }

    internal PanelRecommendation(Guid id, string laCode, Guid assessmentId, PanelQuestion question, PanelRecommendationOutcome outcome, DateOnly meetingOn, string notes)
    {
        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        Question = question;
        Outcome = outcome;
        MeetingOn = meetingOn;
        Notes = notes;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public PanelQuestion Question { get; private set; }

    public PanelRecommendationOutcome Outcome { get; private set; }

    public DateOnly MeetingOn { get; private set; }

    public string Notes { get; private set; }

    internal void Anonymise() => Notes = string.Empty;
}

/// <summary>
/// A recorded reason why a time limit could not be met (regs 5(4), 8(2), 10(4), 13(3)),
/// with its dates and who applied it. It excuses the breach; the published deadline stands.
/// </summary>
public sealed class PathwayException
{
    private PathwayException()
    {
        LaCode = Explanation = Basis = RecordedByName = string.Empty;
        Steps = [];
    }

    internal PathwayException(Guid id, string laCode, Guid assessmentId, ExceptionReason reason, IReadOnlyList<StatutoryStep> steps,
        Guid? adviceRequestId, DateOnly from, DateOnly to, string explanation, string basis, DateOnly recordedOn, string recordedByName)
    {
        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        Reason = reason;
        Steps = steps.ToList();
        AdviceRequestId = adviceRequestId;
        From = from;
        To = to;
        Explanation = explanation;
        Basis = basis;
        RecordedOn = recordedOn;
        RecordedByName = recordedByName;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public ExceptionReason Reason { get; private set; }

    /// <summary>The deadlines it excuses.</summary>
    public List<StatutoryStep> Steps { get; private set; }

    /// <summary>For reg 8(2): the advice request whose 6 weeks it excuses.</summary>
    public Guid? AdviceRequestId { get; private set; }

    /// <summary>When the circumstances began and ended (for a closure: first and last day closed).</summary>
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string Explanation { get; private set; }

    /// <summary>The paragraphs relied on, e.g. "SEND Regulations 2014 reg 10(4)(d)".</summary>
    public string Basis { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    public string RecordedByName { get; private set; }

    internal void Anonymise(string replacement) => Explanation = replacement;
}

/// <summary>
/// One entry in a case's timeline: what happened, on what date, who recorded it and when, and
/// the legal basis. <see cref="FamilySummary"/> is what the family's tracking page shows.
/// </summary>
public sealed class PathwayEvent
{
    private PathwayEvent()
    {
        LaCode = LegalBasis = Summary = FamilySummary = RecordedById = RecordedByName = RecordedByRole = string.Empty;
    }

    internal PathwayEvent(Guid id, string laCode, Guid assessmentId, PathwayAction action, DateOnly occurredOn, DateTimeOffset recordedAt,
        Common.Actor by, string legalBasis, string summary, string familySummary, string? detail)
    {
        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        Action = action;
        OccurredOn = occurredOn;
        RecordedAt = recordedAt;
        RecordedById = by.UserId;
        RecordedByName = by.DisplayName;
        RecordedByRole = by.Role;
        LegalBasis = legalBasis;
        Summary = summary;
        FamilySummary = familySummary;
        Detail = detail;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public PathwayAction Action { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedById { get; private set; }

    public string RecordedByName { get; private set; }

    public string RecordedByRole { get; private set; }

    public string LegalBasis { get; private set; }

    public string Summary { get; private set; }

    public string FamilySummary { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>Drops free text that may identify the family; the step, its date and its legal basis stay.</summary>
    internal void Anonymise()
    {
        Detail = null;
        if (Action == PathwayAction.ReceiveRequest)
        {
            Summary = "Request received.";
        }

        if (Action == PathwayAction.RecordRepresentations)
        {
            Summary = "Family's representations recorded.";
        }
    }
}
