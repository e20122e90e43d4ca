using OpenSend.Domain.Common;

namespace OpenSend.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Final,
}

/// <summary>
/// An issued version of a plan: immutable. Drafts and finals are numbered separately ("Draft 1",
/// "Draft 2", "Final 1"); once a final exists, later versions are amendments ("Amended draft 3",
/// "Amended final 2") and carry their reason.
/// </summary>
public sealed class PlanVersion
{
    private PlanVersion()
    {
        LaCode = IssuedBy = string.Empty;
        Content = PlanContent.Empty;
        Warnings = [];
    }

    internal PlanVersion(Guid planId, string laCode, int number, PlanStatus status, int statusNumber, bool amendment, DateOnly issuedOn, DateTimeOffset recordedAt, string issuedBy, string? reason, PlanContent content, IReadOnlyList<PlanDefect> warnings)
    {
        Id = RecordId.New();
        PlanId = planId;
        LaCode = laCode;
        Number = number;
        Status = status;
        StatusNumber = statusNumber;
        Amendment = amendment;
        IssuedOn = issuedOn;
        RecordedAt = recordedAt;
        IssuedBy = issuedBy;
        Reason = reason;
        Content = content;
        Warnings = warnings;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string LaCode { get; private set; }

    /// <summary>1, 2, 3 ... across all versions of the plan, in the order issued.</summary>
    public int Number { get; private set; }

    public PlanStatus Status { get; private set; }

    /// <summary>The number within its status: draft 1, draft 2, final 1, amended final 2.</summary>
    public int StatusNumber { get; private set; }

    public bool Amendment { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string IssuedBy { get; private set; }

    /// <summary>Why an amendment was made (and, once reviews exist, which review it came from).</summary>
    public string? Reason { get; private set; }

    public PlanContent Content { get; private set; }

    /// <summary>The quality check's warnings when it was issued (errors stop issue).</summary>
    public IReadOnlyList<PlanDefect> Warnings { get; private set; }

    public string Label => (Amendment, Status) switch
    {
        (false, PlanStatus.Draft) => $"Draft {StatusNumber}",
        (false, PlanStatus.Final) => $"Final {StatusNumber}",
        (true, PlanStatus.Draft) => $"Amended draft {StatusNumber}",
        _ => $"Amended final {StatusNumber}",
    };
}

/// <summary>
/// The EHC plan of one needs assessment: the caseworker's working copy and every issued version.
/// Issued versions are never edited; each draft or final is a new version made only through
/// <see cref="IssueDraft"/> or <see cref="IssueFinal"/>, which run the quality check and refuse a
/// plan with errors.
/// </summary>
public sealed class EhcPlan
{
    private readonly List<PlanVersion> _versions = [];

    private EhcPlan()
    {
        LaCode = string.Empty;
        Working = PlanContent.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The caseworker's working copy; what the next version will be.</summary>
    public PlanContent Working { get; private set; }

    public IReadOnlyList<PlanVersion> Versions => _versions;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two caseworkers editing at once cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public PlanVersion? Latest => _versions.Count == 0 ? null : _versions[^1];

    public PlanVersion? LatestFinal => _versions.LastOrDefault(v => v.Status == PlanStatus.Final);

    public PlanVersion? LatestDraft => _versions.LastOrDefault(v => v.Status == PlanStatus.Draft);

    /// <summary>True once a final plan exists: every later version is an amendment.</summary>
    public bool IsInForce => LatestFinal is not null;

    /// <summary>Where the plan has got to, read from its versions (see <see cref="PlanStage"/>).</summary>
    public PlanStage Stage => (IsInForce, Latest?.Status) switch
    {
        (false, null) => PlanStage.Drafting,
        (false, _) => PlanStage.DraftIssued,
        (true, PlanStatus.Draft) => PlanStage.AmendmentDrafted,
        _ => PlanStage.InForce,
    };

    /// <summary>
    /// What is issued next: the final once the latest version is a draft and nothing but section I
    /// has changed since; otherwise a (new) draft.
    /// </summary>
    public PlanStatus NextIssue => Latest is { Status: PlanStatus.Draft } draft && ChangesTheFamilyHasNotSeen(draft).Count == 0
        ? PlanStatus.Final
        : PlanStatus.Draft;

    public static EhcPlan Start(Guid assessmentId, string laCode, PlanContent startingContent, DateTimeOffset now) => new()
    {
        Id = RecordId.New(),
        AssessmentId = assessmentId,
        LaCode = laCode,
        Working = startingContent,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// A plan received from another LA with its history (reg 15): every version it issued, numbered
    /// and labelled as it was, issued by the old LA; the working copy starts as the latest version.
    /// Section A's photos stay with the old LA (their captions travel in the text).
    /// </summary>
    public static EhcPlan Transferred(Guid assessmentId, string laCode, string fromLaName, IReadOnlyList<PlanVersionDocument> versions, DateTimeOffset now)
    {
        var plan = new EhcPlan
        {
            Id = RecordId.New(),
            AssessmentId = assessmentId,
            LaCode = laCode,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var document in versions.OrderBy(v => v.Number))
        {
            var content = WithoutPictures((document.Content ?? PlanContent.Empty).Normalised());
            var statusNumber = plan._versions.Count(v => v.Status == document.Status) + 1;
            var amendment = plan.IsInForce;
            plan._versions.Add(new PlanVersion(plan.Id, laCode, plan._versions.Count + 1, document.Status, statusNumber, amendment, document.IssuedOn, now,
                fromLaName, document.Reason, content, document.Warnings ?? []));
        }

        plan.Working = plan.Latest?.Content ?? PlanContent.Empty;
        return plan;
    }

    private static PlanContent WithoutPictures(PlanContent content) => content.SectionA is { Media: { Count: > 0 } media } views
        ? content with
        {
            SectionA = views with
            {
                Media = null,
                InTheirOwnWords = string.Join("\n", new[] { views.InTheirOwnWords, $"Photos and videos shared with the previous council: {string.Join("; ", media.Select(m => m.Caption))}." }.OfType<string>()),
            },
        }
        : content;

    /// <summary>Changes the working copy (never an issued version).</summary>
    public void Edit(Func<PlanContent, PlanContent> change, DateTimeOffset now)
    {
        Allow(PlanAction.Edit);
        Working = change(Working);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Checks the working copy as it would be issued next.</summary>
    public IReadOnlyList<PlanDefect> Check(PlanStatus issuing, DateOnly childDateOfBirth, DateOnly today, PlanQualityRuleSet? rules = null) =>
        PlanQualityCheck.Run(Working, new PlanCheckContext(issuing, childDateOfBirth, today, Amendment: IsInForce), rules);

    /// <summary>Issues the working copy as a draft for the family's representations (s.38; reg 13(1)).</summary>
    public PlanVersion IssueDraft(DateOnly issuedOn, string? reason, DateOnly childDateOfBirth, Actor by, DateTimeOffset now, PlanQualityRuleSet? rules = null)
    {
        Allow(PlanAction.IssueDraft);
        RequireDate(issuedOn, now);
        if (IsInForce && string.IsNullOrWhiteSpace(reason))
        {
            throw new StepRefusedException("amendment-reason", "Say why the plan is being amended; the reason stays in the plan's history.");
        }

        var warnings = RequireNoErrors(PlanStatus.Draft, childDateOfBirth, UkCalendar.DateOf(now), rules);
        return Add(PlanStatus.Draft, issuedOn, reason, warnings, by, now);
    }

    /// <summary>
    /// Issues the final plan. It must follow a draft, and apart from naming the setting (section I,
    /// decided after the family's representations) it must be what the family last saw: no change
    /// reaches a final plan without the family's views on it being sought (s.38; green paper ch.2).
    /// </summary>
    public PlanVersion IssueFinal(DateOnly issuedOn, DateOnly childDateOfBirth, Actor by, DateTimeOffset now, PlanQualityRuleSet? rules = null)
    {
        Allow(PlanAction.IssueFinal);
        RequireDate(issuedOn, now);
        var draft = Latest!;

        if (issuedOn < draft.IssuedOn)
        {
            throw new StepRefusedException("date-before-draft", $"The final plan cannot be dated before {draft.Label} ({UkCalendar.InWords(draft.IssuedOn)}).");
        }

        var changed = ChangesTheFamilyHasNotSeen(draft);
        if (changed.Count > 0)
        {
            throw new StepRefusedException("changed-since-draft",
                $"Sections {string.Join(", ", changed.Select(c => c.Section))} have changed since {draft.Label}. Issue a new draft so the family can comment on the changes, or undo them.");
        }

        var warnings = RequireNoErrors(PlanStatus.Final, childDateOfBirth, UkCalendar.DateOf(now), rules);
        return Add(PlanStatus.Final, issuedOn, draft.Reason, warnings, by, now);
    }

    public PlanVersion VersionNumbered(int number) =>
        _versions.FirstOrDefault(v => v.Number == number)
        ?? throw new StepRefusedException("no-such-version", $"This plan has no version {number}; it has {_versions.Count}.");

    /// <summary>Sections of the working copy that differ from <paramref name="draft"/>, apart from section I (named after the representations).</summary>
    private List<SectionChanges> ChangesTheFamilyHasNotSeen(PlanVersion draft) =>
        PlanComparison.Compare(draft.Content, Working).Where(s => s.Section != PlanSection.I).ToList();

    private IReadOnlyList<PlanDefect> RequireNoErrors(PlanStatus issuing, DateOnly childDateOfBirth, DateOnly today, PlanQualityRuleSet? rules)
    {
        var defects = PlanQualityCheck.Run(Working, new PlanCheckContext(issuing, childDateOfBirth, today, Amendment: IsInForce), rules);
        var errors = defects.Where(d => d.Severity == DefectSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new PlanDefectsException(issuing, errors);
        }

        return defects;
    }

    /// <summary>Refuses <paramref name="action"/> unless <see cref="PlanTransitions"/> allows it from the plan's stage.</summary>
    private void Allow(PlanAction action)
    {
        if (!PlanTransitions.IsAllowed(Stage, action))
        {
            // Only a final without a draft before it is ever refused by the table.
            throw new StepRefusedException("final-without-draft", IsInForce
                ? "An amended final plan follows a draft of the amendments that the family has been able to comment on. Issue the amended draft first."
                : "A final plan follows a draft the family has been able to comment on. Issue the draft first.");
        }
    }

    private static void RequireDate(DateOnly issuedOn, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        if (issuedOn > today)
        {
            throw new StepRefusedException("date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        }
    }

    private PlanVersion Add(PlanStatus status, DateOnly issuedOn, string? reason, IReadOnlyList<PlanDefect> warnings, Actor by, DateTimeOffset now)
    {
        var statusNumber = _versions.Count(v => v.Status == status) + 1;
        var version = new PlanVersion(Id, LaCode, _versions.Count + 1, status, statusNumber, IsInForce, issuedOn, now, by.DisplayName, reason, Working, warnings);
        _versions.Add(version);
        UpdatedAt = now;
        Version++;
        return version;
    }
}

/// <summary>A plan cannot be issued while the quality check finds errors; the page and API list them.</summary>
public sealed class PlanDefectsException(PlanStatus issuing, IReadOnlyList<PlanDefect> errors)
    : Exception($"The {(issuing == PlanStatus.Draft ? "draft" : "final")} plan cannot be issued: the quality check found {errors.Count} {(errors.Count == 1 ? "error" : "errors")} to put right.")
{
    public IReadOnlyList<PlanDefect> Errors { get; } = errors;
}
