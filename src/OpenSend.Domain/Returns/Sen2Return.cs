using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Returns;

/// <summary>The return's header (../shared/spec/sen2.md): the collection, the LA, the software, and the named health and care officers.</summary>
public sealed record Sen2Header(
    int Year,
    DateOnly ReferenceDate,
    string LaCode,
    string SoftwareCode,
    string Release,
    int SerialNo,
    DateTimeOffset DateTime,
    bool? DesignatedMedicalOfficer,
    bool? DesignatedClinicalOfficer,
    bool? DesignatedSocialCareOfficer)
{
    public const string Collection = "SEN2";

    /// <summary>L: the return comes from a local authority.</summary>
    public const string SourceLevel = "L";
}

/// <summary>SEN2's request outcome: whether the LA assessed.</summary>
public enum Sen2RequestOutcome
{
    /// <summary>Decided to assess.</summary>
    A,

    /// <summary>Decided not to assess.</summary>
    N,

    /// <summary>Withdrawn before a decision.</summary>
    W,
}

/// <summary>SEN2's assessment outcome: whether a plan was issued.</summary>
public enum Sen2AssessmentOutcome
{
    /// <summary>A plan was issued.</summary>
    Y,

    /// <summary>Decided not to issue a plan.</summary>
    N,

    /// <summary>Withdrawn, or the child moved away, before the outcome.</summary>
    W,
}

/// <summary>Who asked for the assessment (SEN2 request source).</summary>
public enum Sen2RequestSource
{
    /// <summary>A parent or carer.</summary>
    P,

    /// <summary>The young person.</summary>
    Y,

    /// <summary>A school, college or early years setting.</summary>
    S,

    /// <summary>Anyone else (health, social care, another professional).</summary>
    O,
}

/// <summary>SEN2's setting categories for a placement without a URN or UKPRN.</summary>
public enum Sen2SettingCategory
{
    /// <summary>Arranged by the LA under s.61 (education otherwise than at school).</summary>
    OLA,

    /// <summary>Arranged by the parents.</summary>
    OPA,

    /// <summary>Elective home education.</summary>
    EHE,

    /// <summary>An early years provider without a URN.</summary>
    EYP,

    OTH,

    /// <summary>Not in education, employment or training (16–25).</summary>
    NEET,

    /// <summary>Not in education: notice to cease the plan issued.</summary>
    NIEC,

    /// <summary>Not in education, for another reason.</summary>
    NIEO,
}

/// <summary>A setting named in the plan (section I), or the placement a child attends.</summary>
public sealed record Sen2Setting(string? Urn, string? Ukprn, Sen2SettingCategory? Category, int Rank, bool SenUnit, bool ResourcedProvision, DateOnly? EntryDate = null, DateOnly? LeavingDate = null);

/// <summary>A need in section B, with its rank (1 = primary).</summary>
public sealed record Sen2Need(Sen2NeedType Type, int Rank);

/// <summary>A plan in force on census day: where it came from and its latest review.</summary>
public sealed record Sen2ActivePlan(
    string? TransferredFromLa,
    DateOnly? ReviewMeeting,
    string? ReviewDecision,
    DateOnly? ReviewDecisionDate,
    DateOnly? DraftAmendedPlanDate,
    DateOnly? PhaseTransferDueDate,
    DateOnly? PhaseTransferFinalDate);

public sealed record Sen2Plan(
    DateOnly StartDate,
    bool Residential,
    bool WorkBasedLearning,
    bool PersonalBudgetOrganisedArrangements,
    bool PersonalBudgetDirectPayments,
    DateOnly? CeaseDate,
    int? CeaseReason,
    IReadOnlyList<Sen2Setting> PlanSettings,
    Sen2ActivePlan? Active,
    IReadOnlyList<Sen2Setting> Placements,
    IReadOnlyList<Sen2Need> Needs);

public sealed record Sen2Assessment(
    Sen2AssessmentOutcome? Outcome,
    DateOnly? OutcomeDate,
    bool Mediation,
    bool Tribunal,
    bool OtherMediation,
    bool OtherTribunal,
    bool Week20Exception,
    Sen2Plan? Plan);

public sealed record Sen2Request(
    DateOnly ReceivedDate,
    Sen2RequestSource Source,
    bool RelevantYouthAccommodation,
    Sen2RequestOutcome? Outcome,
    DateOnly? OutcomeDate,
    bool Mediation,
    bool Tribunal,
    bool TransferredOut,
    Sen2Assessment? Assessment);

public sealed record Sen2Person(
    string Surname,
    string Forename,
    DateOnly DateOfBirth,
    Sex? Sex,
    string? Ethnicity,
    string? Postcode,
    string? Upn,
    string? Uln,
    string? UpnUnknownReason,
    IReadOnlyList<Sen2Request> Requests);

/// <summary>
/// The SEN2 return for one LA and census date: every child in scope with their requests,
/// assessments, plans, placements and needs, as the DfE collects them (../shared/spec/sen2.md).
/// The published statistics, and OpenSEND's dashboard, are counted from it.
/// </summary>
public sealed record Sen2Return(Sen2Header Header, IReadOnlyList<Sen2Person> Persons)
{
    /// <summary>The calendar year the return reports on: the year before the collection's census.</summary>
    public int ReportingYear => Header.Year - 1;

    /// <summary>
    /// Each case's child in this return, by the case's id. Not part of what the DfE collects (the
    /// file has no case ids): it lets measures counted from other records (an appeal, a complaint)
    /// put the child in the same groups as the return's own counts.
    /// </summary>
    public IReadOnlyDictionary<Guid, Sen2Person> PersonByCase { get; init; } = new Dictionary<Guid, Sen2Person>();

    public IEnumerable<(Sen2Person Person, Sen2Request Request)> Requests => Persons.SelectMany(p => p.Requests.Select(r => (p, r)));

    public IEnumerable<(Sen2Person Person, Sen2Request Request, Sen2Plan Plan)> Plans =>
        Requests.Where(x => x.Request.Assessment?.Plan is not null).Select(x => (x.Person, x.Request, x.Request.Assessment!.Plan!));
}
