using System.Text.Json.Serialization;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Plans;

/// <summary>The sections of an EHC plan, each separately identified (SEND Regulations 2014 reg 12(1)).</summary>
public enum PlanSection
{
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H1,
    H2,
    I,
    J,
    K,
}

/// <summary>SEN2 need types (the DfE's codes, used for section B's primary and ranked needs).</summary>
public enum Sen2NeedType
{
    /// <summary>Specific learning difficulty.</summary>
    SPLD,

    /// <summary>Moderate learning difficulty.</summary>
    MLD,

    /// <summary>Severe learning difficulty.</summary>
    SLD,

    /// <summary>Profound and multiple learning difficulty.</summary>
    PMLD,

    /// <summary>Social, emotional and mental health.</summary>
    SEMH,

    /// <summary>Speech, language and communication needs.</summary>
    SLCN,

    /// <summary>Hearing impairment.</summary>
    HI,

    /// <summary>Vision impairment.</summary>
    VI,

    /// <summary>Multi-sensory impairment.</summary>
    MSI,

    /// <summary>Physical disability.</summary>
    PD,

    /// <summary>Autistic spectrum disorder.</summary>
    ASD,

    /// <summary>Down syndrome.</summary>
    DS,

    /// <summary>Other difficulty or disability.</summary>
    OTH,
}

/// <summary>Who pays for a piece of provision (the green paper's digital plan records it for every item).</summary>
public enum Funder
{
    Education,
    Health,
    SocialCare,
}

/// <summary>Preparation for adulthood outcomes, required from year 9 (SEND Code of Practice 8.9–8.12).</summary>
public enum AdulthoodOutcome
{
    Employment,
    IndependentLiving,
    CommunityInclusion,
    GoodHealth,
}

/// <summary>
/// A photo or short video in section A, one the family chose to share (green paper ch.2 para 21:
/// a holistic picture of the child). It names a document held on the case; the plan carries the
/// reference and its caption, never the bytes.
/// </summary>
public sealed record SectionAMedia(Guid DocumentId, string Caption, string Kind);

/// <summary>Section A: the views, interests and aspirations of the child or young person and their parents, in their own words.</summary>
public sealed record ViewsAndAspirations(string? InTheirOwnWords, string? ParentsViews, string? Interests, string? Aspirations, IReadOnlyList<SectionAMedia>? Media = null)
{
    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(InTheirOwnWords) && string.IsNullOrWhiteSpace(ParentsViews)
        && string.IsNullOrWhiteSpace(Interests) && string.IsNullOrWhiteSpace(Aspirations) && Media is not { Count: > 0 };
}

/// <summary>
/// Where an item's words came from when the caseworker took them from an adviser's advice
/// (reg 11: the plan is made from the advice gathered), so a reader can trace them back.
/// </summary>
public sealed record AdviceSource(Guid AdviceRequestId, string Adviser, AdviserKind Kind, DateOnly? ReceivedOn);

/// <summary>A need in section B (special educational), C (health) or D (social care). Only section B needs carry an SEN2 type and rank (1 = primary).</summary>
public sealed record PlanNeed(Guid Id, PlanSection Section, string Description, Sen2NeedType? NeedType = null, int? Rank = null, AdviceSource? Source = null);

/// <summary>Section E: an outcome, linked to the needs it addresses.</summary>
public sealed record PlanOutcome(Guid Id, string Description, DateOnly? TargetDate, IReadOnlyList<Guid> NeedIds, AdulthoodOutcome? PreparingForAdulthood = null, AdviceSource? Source = null);

/// <summary>
/// A piece of provision in section F (special educational), G (health), H1 (CSDPA 1970 s.2 social
/// care) or H2 (other social care): what, by whom, how often, for how long, group size or ratio and
/// qualification, who funds it, and the needs and outcomes it serves (the golden thread).
/// </summary>
public sealed record PlanProvision(
    Guid Id,
    PlanSection Section,
    string What,
    string? DeliveredBy,
    string? Frequency,
    string? Duration,
    string? GroupSizeOrRatio,
    string? Qualification,
    Funder? FundedBy,
    IReadOnlyList<Guid> NeedIds,
    IReadOnlyList<Guid> OutcomeIds,
    AdviceSource? Source = null);

/// <summary>Section I: the school or other institution named (by URN or UKPRN), or the type of setting only.</summary>
/// <param name="Arrangement">
/// When section I names no school or college: what the child or young person has instead, as SEN2
/// reports it (education otherwise than at school arranged by the LA under s.61 or by the parents,
/// elective home education, an early years provider without a URN, NEET, not in education).
/// </param>
/// <param name="Residential">The placement is residential (SEN2's PlanRes).</param>
/// <param name="WorkBasedLearning">The young person is in work-based learning: an apprenticeship, traineeship or supported internship (SEN2's PlanWBP).</param>
public sealed record NamedSetting(string Name, string? Urn, string? Ukprn, string? TypeOnly,
    Returns.Sen2SettingCategory? Arrangement = null, bool Residential = false, bool WorkBasedLearning = false);

/// <summary>Section J: the personal budget, if there is one.</summary>
public sealed record PersonalBudget(decimal Amount, string Covers, bool DirectPayments, string? Arrangements);

/// <summary>Section K: a piece of advice or information gathered during the assessment.</summary>
public sealed record AdviceListed(string Adviser, AdviserKind Kind, DateOnly RequestedOn, DateOnly? ReceivedOn);

/// <summary>
/// The plan as structured data (sections A–K). Immutable: every change returns new content, so an
/// issued version is never edited. A document (HTML, PDF, Word) is only a rendering of this.
/// </summary>
public sealed record PlanContent(
    ViewsAndAspirations? SectionA,
    IReadOnlyList<PlanNeed> Needs,
    IReadOnlyList<PlanOutcome> Outcomes,
    IReadOnlyList<PlanProvision> Provision,
    NamedSetting? SectionI,
    PersonalBudget? SectionJ,
    IReadOnlyList<AdviceListed> SectionK)
{
    public static PlanContent Empty { get; } = new(null, [], [], [], null, null, []);

    public static readonly IReadOnlyList<PlanSection> NeedSections = [PlanSection.B, PlanSection.C, PlanSection.D];

    public static readonly IReadOnlyList<PlanSection> ProvisionSections = [PlanSection.F, PlanSection.G, PlanSection.H1, PlanSection.H2];

    /// <summary>A plan read from outside (the API, a transfer) may leave lists out; they are empty, not missing.</summary>
    public PlanContent Normalised() => this with
    {
        Needs = Needs ?? [],
        Outcomes = (Outcomes ?? []).Select(o => o with { NeedIds = o.NeedIds ?? [] }).ToList(),
        Provision = (Provision ?? []).Select(p => p with { NeedIds = p.NeedIds ?? [], OutcomeIds = p.OutcomeIds ?? [] }).ToList(),
        SectionK = SectionK ?? [],
    };

    public IEnumerable<PlanNeed> NeedsIn(PlanSection section) => Needs.Where(n => n.Section == section);

    /// <summary>The primary special educational need: section B's need ranked 1 (SEN2's "rank 1"), if one is.</summary>
    [JsonIgnore]
    public PlanNeed? PrimaryNeed => NeedsIn(PlanSection.B).Where(n => n.Rank == 1 && n.NeedType is not null).FirstOrDefault();

    public IEnumerable<PlanProvision> ProvisionIn(PlanSection section) => Provision.Where(p => p.Section == section);

    public PlanContent WithViews(ViewsAndAspirations views) => this with { SectionA = views.IsEmpty ? null : views };

    public PlanContent WithNeed(PlanNeed need)
    {
        Require(NeedSections.Contains(need.Section), "need-section", "A need belongs in section B, C or D.");
        Require(!string.IsNullOrWhiteSpace(need.Description), "need-description", "Describe the need.");
        Require(need.Section == PlanSection.B || (need.NeedType is null && need.Rank is null), "need-type-outside-b",
            "Only special educational needs (section B) have an SEN2 need type and rank.");
        Require(need.Rank is null or >= 1, "need-rank", "A need's rank is 1 (the primary need) or more.");
        return this with { Needs = Replace(Needs, need, n => n.Id) };
    }

    public PlanContent WithOutcome(PlanOutcome outcome)
    {
        Require(!string.IsNullOrWhiteSpace(outcome.Description), "outcome-description", "Describe the outcome.");
        Require(outcome.NeedIds.All(id => Needs.Any(n => n.Id == id)), "outcome-unknown-need", "An outcome can only address needs in sections B, C or D of this plan.");
        return this with { Outcomes = Replace(Outcomes, outcome, o => o.Id) };
    }

    public PlanContent WithProvision(PlanProvision provision)
    {
        Require(ProvisionSections.Contains(provision.Section), "provision-section", "Provision belongs in section F, G, H1 or H2.");
        Require(!string.IsNullOrWhiteSpace(provision.What), "provision-what", "Say what the provision is.");
        Require(provision.NeedIds.All(id => Needs.Any(n => n.Id == id)), "provision-unknown-need", "Provision can only meet needs in this plan.");
        Require(provision.OutcomeIds.All(id => Outcomes.Any(o => o.Id == id)), "provision-unknown-outcome", "Provision can only serve outcomes in this plan.");
        return this with { Provision = Replace(Provision, provision, p => p.Id) };
    }

    /// <summary>Removes a need and every link to it, so no outcome or provision points at nothing.</summary>
    public PlanContent WithoutNeed(Guid id) => this with
    {
        Needs = Needs.Where(n => n.Id != id).ToList(),
        Outcomes = Outcomes.Select(o => o.NeedIds.Contains(id) ? o with { NeedIds = o.NeedIds.Where(n => n != id).ToList() } : o).ToList(),
        Provision = Provision.Select(p => p.NeedIds.Contains(id) ? p with { NeedIds = p.NeedIds.Where(n => n != id).ToList() } : p).ToList(),
    };

    public PlanContent WithoutOutcome(Guid id) => this with
    {
        Outcomes = Outcomes.Where(o => o.Id != id).ToList(),
        Provision = Provision.Select(p => p.OutcomeIds.Contains(id) ? p with { OutcomeIds = p.OutcomeIds.Where(o => o != id).ToList() } : p).ToList(),
    };

    public PlanContent WithoutProvision(Guid id) => this with { Provision = Provision.Where(p => p.Id != id).ToList() };

    public PlanContent WithSetting(NamedSetting? setting) => this with { SectionI = setting };

    public PlanContent WithPersonalBudget(PersonalBudget? budget)
    {
        Require(budget is null || budget.Amount >= 0, "budget-amount", "A personal budget cannot be negative.");
        return this with { SectionJ = budget };
    }

    public PlanContent WithAdvice(IReadOnlyList<AdviceListed> advice) => this with { SectionK = advice };

    /// <summary>
    /// Takes one need, outcome or piece of provision from an adviser's advice into the plan, as a new
    /// item that keeps its source. Links are not carried over (the advice's needs are not the plan's):
    /// the caseworker links it, and the quality check says until they do.
    /// </summary>
    public PlanContent AdoptFromAdvice(PlanContent advice, Guid itemId, AdviceSource source)
    {
        bool Taken(AdviceSource? existing, string text, string adopted) =>
            existing?.AdviceRequestId == source.AdviceRequestId && string.Equals(text, adopted, StringComparison.Ordinal);

        if (advice.Needs.FirstOrDefault(n => n.Id == itemId) is { } need)
        {
            Require(!Needs.Any(n => Taken(n.Source, n.Description, need.Description)), "advice-already-adopted", "That need from this advice is already in the plan.");
            return WithNeed(need with { Id = RecordId.New(), Source = source });
        }

        if (advice.Outcomes.FirstOrDefault(o => o.Id == itemId) is { } outcome)
        {
            Require(!Outcomes.Any(o => Taken(o.Source, o.Description, outcome.Description)), "advice-already-adopted", "That outcome from this advice is already in the plan.");
            return WithOutcome(outcome with { Id = RecordId.New(), NeedIds = [], Source = source });
        }

        if (advice.Provision.FirstOrDefault(p => p.Id == itemId) is { } provision)
        {
            Require(!Provision.Any(p => Taken(p.Source, p.What, provision.What)), "advice-already-adopted", "That provision from this advice is already in the plan.");
            return WithProvision(provision with { Id = RecordId.New(), NeedIds = [], OutcomeIds = [], Source = source });
        }

        throw new Common.StepRefusedException("advice-item-not-found", "That item is not part of this advice.");
    }

    private static List<T> Replace<T>(IReadOnlyList<T> items, T item, Func<T, Guid> id)
    {
        var list = items.ToList();
        var index = list.FindIndex(i => id(i) == id(item));
        if (index >= 0)
        {
            list[index] = item;
        }
        else
        {
            list.Add(item);
        }

        return list;
    }
}
