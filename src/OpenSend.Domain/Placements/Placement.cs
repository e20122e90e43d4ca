using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Placements;

/// <summary>
/// The statutory grounds on which an LA may decline to name a school or college a family asks for
/// (s.39(4)), and, for a setting of a kind s.38(3) does not list, that no such right applies.
/// </summary>
public enum NamingGround
{
    /// <summary>s.39(4)(a): unsuitable for the child's age, ability, aptitude or special educational needs.</summary>
    UnsuitableForAgeAbilityAptitudeOrSen,

    /// <summary>s.39(4)(b)(i): attendance would be incompatible with the provision of efficient education for others.</summary>
    IncompatibleWithEfficientEducationOfOthers,

    /// <summary>s.39(4)(b)(ii): attendance would be incompatible with the efficient use of resources.</summary>
    IncompatibleWithEfficientUseOfResources,

    /// <summary>Not a setting s.38(3) gives a right to ask for (an independent school not approved under s.41); the LA must still consider the request (SEND Code of Practice, chapter 9).</summary>
    NotASection38Setting,
}

public enum ConsultationResponse
{
    CanMeetNeeds,
    CannotMeetNeeds,

    /// <summary>The setting did not answer within its 15 days.</summary>
    NoResponse,
}

/// <summary>Who put a setting forward to be consulted.</summary>
public enum PreferenceSource
{
    /// <summary>The family's own preference (s.38(2)(b)).</summary>
    Family,

    /// <summary>A setting the LA proposes when it cannot name the family's (s.40).</summary>
    Council,
}

/// <summary>
/// Why a setting the council chooses is not mainstream (s.33(2)): mainstream education would be
/// incompatible with the wishes of the child's parent or the young person, or with the provision of
/// efficient education for others.
/// </summary>
public enum MainstreamIncompatibleWith
{
    /// <summary>s.33(2)(a): the wishes of the child's parent or the young person.</summary>
    FamilyWishes,

    /// <summary>s.33(2)(b): the provision of efficient education for others; relied on only when no reasonable step would prevent it (s.33(3)–(5)).</summary>
    EfficientEducationOfOthers,
}

/// <summary>The s.33(2) reason recorded when the council names a setting that is not mainstream, with its evidence and, for (b), the reasonable steps considered.</summary>
public sealed record MainstreamIncompatibility(MainstreamIncompatibleWith With, string Evidence, string? ReasonableSteps);

/// <summary>A ground recorded against a preference, with the evidence for it.</summary>
public sealed record RecordedGround(NamingGround Ground, string Evidence, DateOnly RecordedOn, string RecordedBy);

/// <summary>A setting on a child's tailored list, proposed by the rules or added by the caseworker, and whether it was taken off (with the reason).</summary>
public sealed class ListEntry
{
    private ListEntry()
    {
        LaCode = Urn = Name = Why = string.Empty;
    }

    internal ListEntry(Guid id, string laCode, string urn, string name, ListTier tier, double? distanceKm, int? available, string why, bool addedByCaseworker, string? addedReason)
    {
        Id = id;
        LaCode = laCode;
        Urn = urn;
        Name = name;
        Tier = tier;
        DistanceKm = distanceKm;
        AvailableWhenListed = available;
        Why = why;
        AddedByCaseworker = addedByCaseworker;
        AddedReason = addedReason;
    }

    public Guid Id { get; private set; }

    /// <summary>The LA (tenant key), as on the placement.</summary>
    public string LaCode { get; private set; }

    public string Urn { get; private set; }

    public string Name { get; private set; }

    public ListTier Tier { get; private set; }

    public double? DistanceKm { get; private set; }

    /// <summary>What the register said was free when the setting was put on the list (the page shows today's).</summary>
    public int? AvailableWhenListed { get; private set; }

    public string Why { get; private set; }

    public bool AddedByCaseworker { get; private set; }

    public string? AddedReason { get; private set; }

    public DateOnly? RemovedOn { get; private set; }

    public string? RemovedReason { get; private set; }

    public bool IsListed => RemovedOn is null;

    internal void Remove(DateOnly on, string reason)
    {
        RemovedOn = on;
        RemovedReason = reason;
    }
}

/// <summary>
/// A setting the family asks to be named (or the LA proposes), with the LA's consultation of it
/// (s.39(2)) and any ground recorded for not naming it (s.39(4), s.33).
/// </summary>
public sealed class SettingPreference
{
    private SettingPreference()
    {
        LaCode = Urn = Name = ExpressedBy = string.Empty;
        Grounds = [];
    }

    internal SettingPreference(Guid id, string laCode, PreferenceSource source, int rank, Setting setting, bool fromList, string? reasons, DateOnly expressedOn, string expressedBy)
    {
        Id = id;
        LaCode = laCode;
        Source = source;
        Rank = rank;
        Urn = setting.Urn;
        Name = setting.Name;
        IsMainstream = setting.IsMainstream;
        IsSection38Setting = setting.IsSection38Setting;
        FromList = fromList;
        Reasons = reasons;
        ExpressedOn = expressedOn;
        ExpressedBy = expressedBy;
        Grounds = [];
    }

    public Guid Id { get; private set; }

    /// <summary>The LA (tenant key), as on the placement.</summary>
    public string LaCode { get; private set; }

    public PreferenceSource Source { get; private set; }

    /// <summary>The family's order (1 first); the LA's own proposals come after.</summary>
    public int Rank { get; internal set; }

    public string Urn { get; private set; }

    public string Name { get; private set; }

    /// <summary>A mainstream school or post-16 institution: a refusal then meets the presumption of mainstream education (s.33).</summary>
    public bool IsMainstream { get; private set; }

    /// <summary>A setting s.38(3) lists: the LA must name it unless s.39(4) applies.</summary>
    public bool IsSection38Setting { get; private set; }

    /// <summary>Chosen from the tailored list; otherwise the family's own request (s.38(2)(b)), which they keep the right to make.</summary>
    public bool FromList { get; private set; }

    /// <summary>The family's reasons.</summary>
    public string? Reasons { get; internal set; }

    public DateOnly ExpressedOn { get; private set; }

    public string ExpressedBy { get; private set; }

    public DateOnly? ConsultationSentOn { get; private set; }

    public DateOnly? ConsultationDueBy { get; private set; }

    public ConsultationResponse? Response { get; private set; }

    public string? ResponseReasons { get; private set; }

    public DateOnly? RespondedOn { get; private set; }

    public string? RespondedBy { get; private set; }

    public IReadOnlyList<RecordedGround> Grounds { get; private set; }

    /// <summary>For refusing mainstream education altogether: the reasonable steps considered to prevent the incompatibility (s.33(4)–(5)).</summary>
    public string? ReasonableSteps { get; private set; }

    public bool IsExcluded => Grounds.Count > 0;

    internal void Consult(DateOnly on, DateOnly dueBy)
    {
        ConsultationSentOn = on;
        ConsultationDueBy = dueBy;
        Response = null;
        ResponseReasons = null;
        RespondedOn = null;
        RespondedBy = null;
    }

    internal void Respond(ConsultationResponse response, string? reasons, DateOnly on, string by)
    {
        Response = response;
        ResponseReasons = reasons;
        RespondedOn = on;
        RespondedBy = by;
    }

    internal void SetGrounds(IReadOnlyList<RecordedGround> grounds, string? reasonableSteps)
    {
        Grounds = grounds;
        ReasonableSteps = reasonableSteps;
    }
}

/// <summary>
/// Naming a place for one child's plan (section I): the tailored list of suitable settings the LA
/// proposes (green paper ch.2 paras 24–25), the family's ranked preferences from it or from any
/// setting at all (their right under s.38(2)(b) stays), the LA's consultation of each (s.39(2)),
/// and the decision: the first preference that has a place and no statutory ground against it
/// (s.39(4)), with the presumption of mainstream education kept (s.33). Every change that the family
/// or caseworker makes is recorded with its reason.
/// </summary>
public sealed class Placement
{
    public const int MaxPreferences = 10;

    private readonly List<ListEntry> _entries = [];
    private readonly List<SettingPreference> _preferences = [];

    private Placement()
    {
        LaCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Sen2NeedType? PrimaryNeed { get; private set; }

    public string? HomePostcode { get; private set; }

    public int? HomeEasting { get; private set; }

    public int? HomeNorthing { get; private set; }

    public double MaxDistanceKm { get; private set; }

    /// <summary>When the child would start at the setting named.</summary>
    public DateOnly StartsOn { get; private set; }

    public DateOnly ListProposedOn { get; private set; }

    /// <summary>When the family could first see the list.</summary>
    public DateOnly? ListSharedOn { get; private set; }

    public DateOnly? PreferencesExpressedOn { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? NamedUrn { get; private set; }

    public string? NamedName { get; private set; }

    public Guid? NamedPreferenceId { get; private set; }

    public string? DecisionReasons { get; private set; }

    /// <summary>
    /// The setting was named though the LA's commissioned places there were all filled (or none was
    /// for this need): lawful (s.39(4) has no such ground; s.43 obliges the school to admit), and
    /// counted for the LA's sufficiency planning.
    /// </summary>
    public bool NamedBeyondCommissionedPlaces { get; private set; }

    /// <summary>s.33(2): why mainstream education is not provided for, when the council named a setting that is not mainstream and the family had asked for none.</summary>
    public MainstreamIncompatibleWith? MainstreamIncompatibleWith { get; private set; }

    public string? MainstreamIncompatibilityEvidence { get; private set; }

    /// <summary>s.33(4)–(5): the reasonable steps considered to prevent the incompatibility with the education of others.</summary>
    public string? MainstreamReasonableSteps { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ListEntry> Entries => _entries;

    public IReadOnlyList<SettingPreference> Preferences => _preferences;

    public bool IsDecided => DecidedOn is not null;

    /// <summary>Where naming has got to, read from the facts (see <see cref="PlacementStage"/>).</summary>
    public PlacementStage Stage => IsDecided ? PlacementStage.Decided : ListSharedOn is not null ? PlacementStage.ListShared : PlacementStage.ListProposed;

    public GridPoint? Home => HomeEasting is { } e && HomeNorthing is { } n ? new GridPoint(e, n) : null;

    public IEnumerable<ListEntry> Listed => _entries.Where(e => e.IsListed).OrderBy(e => e.Tier).ThenBy(e => e.DistanceKm ?? double.MaxValue).ThenBy(e => e.Name, StringComparer.Ordinal);

    public IEnumerable<SettingPreference> FamilyPreferences => _preferences.Where(p => p.Source == PreferenceSource.Family).OrderBy(p => p.Rank);

    /// <summary>The LA proposes the list (the rules' result) for the child, from where they live.</summary>
    public static Placement Propose(Guid assessmentId, string laCode, ListRequest request, string? homePostcode, IReadOnlyList<ProposedSetting> proposed, DateTimeOffset now)
    {
        RequireDistance(request.MaxDistanceKm);
        var placement = new Placement
        {
            Id = RecordId.New(),
            AssessmentId = assessmentId,
            LaCode = laCode,
            CreatedAt = now,
        };
        placement.Reset(request, homePostcode, proposed, now);
        return placement;
    }

    /// <summary>Proposes the list again (a move of house, a new need): what the caseworker added or removed is replaced, and the family sees the new list.</summary>
    public void ProposeAgain(ListRequest request, string? homePostcode, IReadOnlyList<ProposedSetting> proposed, DateTimeOffset now)
    {
        Allow(PlacementAction.ProposeAgain);
        RequireDistance(request.MaxDistanceKm);
        Reset(request, homePostcode, proposed, now);
        Touch(now);
    }

    /// <summary>The caseworker adds a setting to the list, saying why.</summary>
    public void AddToList(Setting setting, ListTier tier, int? available, string reason, DateTimeOffset now)
    {
        Allow(PlacementAction.ChangeList);
        Require(!string.IsNullOrWhiteSpace(reason), "list-reason", "Enter why this setting is being added to the list.");
        Require(!_entries.Any(e => e.IsListed && e.Urn == setting.Urn), "already-listed", $"{setting.Name} is already on the list.");
        Require(setting.IsOpen, "setting-closed", $"{setting.Name} is closed, so it cannot be offered.");
        _entries.Add(new ListEntry(RecordId.New(), LaCode, setting.Urn, setting.Name, tier, setting.KilometresFrom(Home), available, "Added by the council", true, reason.Trim()));
        Touch(now);
    }

    /// <summary>The caseworker takes a setting off the list, saying why; a preference the family already gave for it stands.</summary>
    public void RemoveFromList(string urn, string reason, DateTimeOffset now)
    {
        Allow(PlacementAction.ChangeList);
        Require(!string.IsNullOrWhiteSpace(reason), "list-reason", "Enter why this setting is being taken off the list.");
        var entry = _entries.FirstOrDefault(e => e.IsListed && e.Urn == urn) ?? throw new StepRefusedException("not-listed", "That setting is not on the list.");
        entry.Remove(UkCalendar.DateOf(now), reason.Trim());
        Touch(now);
    }

    /// <summary>The family can see the list and give their preferences.</summary>
    public void ShareList(DateTimeOffset now)
    {
        Allow(PlacementAction.ShareList);
        Require(_entries.Any(e => e.IsListed), "list-empty", "Add at least one setting to the list before sharing it with the family.");
        ListSharedOn ??= UkCalendar.DateOf(now);
        Touch(now);
    }

    /// <summary>
    /// The family's preferences in order, from the list or any other setting in the register, with
    /// their reasons; they replace any given before. A setting not on the list needs the family's
    /// reasons so the LA can weigh the request. The consultation of a setting already consulted is kept.
    /// </summary>
    public void ExpressPreferences(IReadOnlyList<(Setting Setting, string? Reasons)> ranked, string by, DateTimeOffset now, string? startedFrom = null)
    {
        Allow(PlacementAction.ExpressPreferences);
        if (startedFrom is not null && startedFrom != FamilyPreferencesFingerprint)
        {
            // Two parents may each fill in the preferences; the second must not overwrite the first unseen.
            throw StepRefusedException.Changed("preferences-changed",
                "Someone else sent the family's preferences since you started, so yours were not sent. Start again from the preferences sent now, and check them.");
        }

        Require(ranked.Count > 0, "preferences-none", "Choose at least one school or college.");
        Require(ranked.Count <= MaxPreferences, "preferences-too-many", $"Choose up to {MaxPreferences} schools or colleges.");
        Require(ranked.Select(r => r.Setting.Urn).Distinct().Count() == ranked.Count, "preferences-repeated", "Each school or college can be chosen once.");
        var today = UkCalendar.DateOf(now);
        var listed = _entries.Where(e => e.IsListed).Select(e => e.Urn).ToHashSet(StringComparer.Ordinal);
        var kept = new List<SettingPreference>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var (setting, reasons) = ranked[i];
            var fromList = listed.Contains(setting.Urn);
            Require(fromList || !string.IsNullOrWhiteSpace(reasons), "preference-reasons",
                $"Say why you would like {setting.Name}: it is not on the council's list, so your reasons help it decide.");
            Require(setting.IsOpen, "setting-closed", $"{setting.Name} is closed. Choose an open school or college.");
            var existing = _preferences.FirstOrDefault(p => p.Source == PreferenceSource.Family && p.Urn == setting.Urn);
            if (existing is not null)
            {
                existing.Rank = i + 1;
                existing.Reasons = Text.NullIfBlank(reasons);
                kept.Add(existing);
            }
            else
            {
                kept.Add(new SettingPreference(RecordId.New(), LaCode, PreferenceSource.Family, i + 1, setting, fromList, Text.NullIfBlank(reasons), today, by));
            }
        }

        _preferences.RemoveAll(p => p.Source == PreferenceSource.Family);
        _preferences.AddRange(kept);
        PreferencesExpressedOn = today;
        Touch(now);
    }

    /// <summary>
    /// The family's preferences as sent (settings, order and reasons): a journey started from one
    /// fingerprint may only replace preferences that still have it.
    /// </summary>
    public string FamilyPreferencesFingerprint =>
        string.Join("\n", _preferences.Where(p => p.Source == PreferenceSource.Family).OrderBy(p => p.Rank)
            .Select(p => $"{p.Rank}\u001f{p.Urn}\u001f{p.Reasons}"));

    /// <summary>s.40: where no preference can be named, the LA consults a setting of its own choosing.</summary>
    public SettingPreference ProposeCouncilSetting(Setting setting, string reasons, string by, DateTimeOffset now)
    {
        Allow(PlacementAction.ProposeCouncilSetting);
        Require(!string.IsNullOrWhiteSpace(reasons), "council-setting-reasons", "Enter why the council proposes this setting.");
        Require(!_preferences.Any(p => p.Urn == setting.Urn), "preferences-repeated", $"{setting.Name} is already being considered.");
        Require(setting.IsOpen, "setting-closed", $"{setting.Name} is closed.");
        var preference = new SettingPreference(RecordId.New(), LaCode, PreferenceSource.Council, MaxPreferences + 1 + _preferences.Count(p => p.Source == PreferenceSource.Council), setting,
            _entries.Any(e => e.IsListed && e.Urn == setting.Urn), reasons.Trim(), UkCalendar.DateOf(now), by);
        _preferences.Add(preference);
        Touch(now);
        return preference;
    }

    /// <summary>s.39(2): the LA consults the setting, which has until <paramref name="dueBy"/> to say whether it can meet the child's needs.</summary>
    public void Consult(Guid preferenceId, DateOnly on, DateOnly dueBy, DateTimeOffset now)
    {
        Allow(PlacementAction.Consult);
        RequireNotFuture(on, now);
        Preference(preferenceId).Consult(on, dueBy);
        Touch(now);
    }

    /// <summary>The setting's answer; "no response" only once its time has passed, and "cannot meet needs" only with its reasons.</summary>
    public void RecordResponse(Guid preferenceId, ConsultationResponse response, string? reasons, DateOnly on, string by, DateTimeOffset now)
    {
        Allow(PlacementAction.RecordResponse);
        RequireNotFuture(on, now);
        var preference = Preference(preferenceId);
        Require(preference.ConsultationSentOn is not null, "not-consulted", $"{preference.Name} has not been consulted yet.");
        Require(on >= preference.ConsultationSentOn!.Value, "date-before-previous-step", $"The date cannot be before the consultation was sent ({UkCalendar.InWords(preference.ConsultationSentOn.Value)}).");
        Require(response != ConsultationResponse.CannotMeetNeeds || !string.IsNullOrWhiteSpace(reasons), "response-reasons", "Enter the reasons the setting gave for not being able to meet the child's needs.");
        Require(response != ConsultationResponse.NoResponse || on > preference.ConsultationDueBy!.Value, "response-not-due",
            $"{preference.Name} has until {UkCalendar.InWords(preference.ConsultationDueBy!.Value)} to respond.");
        preference.Respond(response, Text.NullIfBlank(reasons), on, by);
        Touch(now);
    }

    /// <summary>
    /// The grounds the caseworker records for not naming a preference, each with its evidence, and
    /// for refusing mainstream the reasonable steps considered; none clears them. A ground must be one
    /// that can apply to the setting: "not a section 38 setting" only where that is so.
    /// </summary>
    public void RecordGrounds(Guid preferenceId, IReadOnlyList<(NamingGround Ground, string Evidence)> grounds, string? reasonableSteps, string by, DateTimeOffset now)
    {
        Allow(PlacementAction.RecordGrounds);
        var preference = Preference(preferenceId);
        Require(grounds.All(g => !string.IsNullOrWhiteSpace(g.Evidence)), "ground-evidence", "Give the evidence for each ground.");
        Require(grounds.Select(g => g.Ground).Distinct().Count() == grounds.Count, "ground-repeated", "Record each ground once.");
        Require(grounds.All(g => g.Ground != NamingGround.NotASection38Setting || !preference.IsSection38Setting), "ground-not-applicable",
            $"{preference.Name} is a setting the family has the right to ask for (section 38(3)): only the grounds of section 39(4) apply.");
        var today = UkCalendar.DateOf(now);
        preference.SetGrounds(grounds.Select(g => new RecordedGround(g.Ground, g.Evidence.Trim(), today, by)).ToList(), Text.NullIfBlank(reasonableSteps));
        Touch(now);
    }

    /// <summary>
    /// The preference the system proposes to name: the first, in the family's order and then the
    /// LA's, with no ground recorded against it. Whether a commissioned place is free does not
    /// matter: a full school is not a ground for not naming it (s.39(4), s.43). Null when none qualifies.
    /// </summary>
    public SettingPreference? Proposal() =>
        _preferences.OrderBy(p => p.Rank).FirstOrDefault(p => !p.IsExcluded);

    /// <summary>Naming went ahead beyond the commissioned places (<see cref="NamedBeyondCommissionedPlaces"/>).</summary>
    public void RecordNamedBeyondCommissionedPlaces(DateTimeOffset now)
    {
        Allow(PlacementAction.RecordNamedBeyondCommissionedPlaces);
        NamedBeyondCommissionedPlaces = true;
        Touch(now);
    }

    /// <summary>
    /// The LA names <paramref name="preferenceId"/> in section I. Refused unless: it was consulted
    /// (s.39(2)); every family preference ranked before it (all of them, for a setting the LA
    /// proposed) has a ground recorded with evidence (s.39(4)); and, where the council names a setting
    /// of its own that is not mainstream (s.33(2)): each mainstream preference of the family's was
    /// refused because it is incompatible with the efficient education of others, with the reasonable
    /// steps considered recorded (s.33(4)–(5)); or, where the family asked for no mainstream setting,
    /// <paramref name="section33"/> gives the incompatibility (their wishes, or the education of
    /// others with the reasonable steps) and its evidence.
    /// </summary>
    public SettingPreference Decide(Guid preferenceId, DateOnly decidedOn, string? reasons, DateTimeOffset now, MainstreamIncompatibility? section33 = null)
    {
        Allow(PlacementAction.Decide);
        RequireNotFuture(decidedOn, now);
        var named = Preference(preferenceId);
        Require(!named.IsExcluded, "named-has-grounds", $"A ground for not naming {named.Name} is recorded. Clear it, or name another setting.");
        Require(named.ConsultationSentOn is not null, "not-consulted",
            $"Consult {named.Name} before naming it: the council must ask whether it can meet the child's needs (section 39(2)).");
        Require(decidedOn >= named.ConsultationSentOn!.Value, "date-before-previous-step", $"The decision cannot be before {named.Name} was consulted ({UkCalendar.InWords(named.ConsultationSentOn.Value)}).");
        var passedOver = FamilyPreferences.Where(p => named.Source == PreferenceSource.Council || p.Rank < named.Rank).ToList();
        var unexplained = passedOver.Where(p => !p.IsExcluded).ToList();
        Require(unexplained.Count == 0, "preference-passed-over",
            $"The family asked for {string.Join(" and ", unexplained.Select(p => p.Name))} before {named.Name}. Record the ground and evidence for not naming {(unexplained.Count == 1 ? "it" : "them")} (section 39(4)).");
        if (!named.IsMainstream && named.Source == PreferenceSource.Council)
        {
            // s.33: a family who wants mainstream education keeps it unless that is incompatible with
            // the efficient education of others. It governs a setting the council chooses; a special
            // school the family itself asks for is their own request under s.38(2)(b), weighed by s.39.
            var mainstream = passedOver.Where(p => p.IsMainstream).ToList();
            var unlawful = mainstream.Where(p => !p.Grounds.Any(g => g.Ground == NamingGround.IncompatibleWithEfficientEducationOfOthers) || string.IsNullOrWhiteSpace(p.ReasonableSteps)).ToList();
            Require(unlawful.Count == 0, "mainstream-presumption",
                $"The family asked for mainstream education at {string.Join(" and ", unlawful.Select(p => p.Name))}. A setting that is not mainstream can be named only if mainstream is incompatible with the efficient education of others, with the reasonable steps considered to prevent that recorded (section 33).");

            // s.33(2) binds the council whenever it chooses: where the family asked for no mainstream
            // setting, the reason mainstream is not provided for is recorded on the decision itself.
            if (mainstream.Count == 0)
            {
                Require(section33 is { Evidence: { } evidence } && !string.IsNullOrWhiteSpace(evidence), "mainstream-presumption",
                    $"{named.Name} is not a mainstream setting and the family did not ask for mainstream education. Record why mainstream education is incompatible with the family's wishes or with the efficient education of others, with the evidence (section 33(2)).");
                Require(section33!.With != Placements.MainstreamIncompatibleWith.EfficientEducationOfOthers || !string.IsNullOrWhiteSpace(section33.ReasonableSteps), "mainstream-reasonable-steps",
                    "Record the reasonable steps the council considered to prevent mainstream education being incompatible with the efficient education of others (section 33(4) and (5)).");
            }
        }

        if (named.Source == PreferenceSource.Council && !named.IsMainstream && section33 is not null)
        {
            MainstreamIncompatibleWith = section33.With;
            MainstreamIncompatibilityEvidence = section33.Evidence.Trim();
            MainstreamReasonableSteps = Text.NullIfBlank(section33.ReasonableSteps);
        }

        DecidedOn = decidedOn;
        NamedUrn = named.Urn;
        NamedName = named.Name;
        NamedPreferenceId = named.Id;
        DecisionReasons = Text.NullIfBlank(reasons);
        Touch(now);
        return named;
    }

    /// <summary>
    /// An amendment that would name a different setting (a phase transfer, a move) names again: s.39
    /// applies to an amended plan as to a new one (the amendment notice gives the right to ask for a
    /// setting, reg 22(2)), so the family's preferences are asked for afresh and each setting consulted.
    /// The list stays shared; the earlier decision stays in the case's audit record.
    /// </summary>
    public void Reopen(string reason, DateTimeOffset now)
    {
        Allow(PlacementAction.Reopen);
        Require(!string.IsNullOrWhiteSpace(reason), "reopen-reason", "Enter why a setting is to be named again.");
        DecidedOn = null;
        NamedUrn = null;
        NamedName = null;
        NamedPreferenceId = null;
        DecisionReasons = null;
        NamedBeyondCommissionedPlaces = false;
        MainstreamIncompatibleWith = null;
        MainstreamIncompatibilityEvidence = null;
        MainstreamReasonableSteps = null;
        _preferences.Clear();
        PreferencesExpressedOn = null;
        Touch(now);
    }

    /// <summary>Whether section I's setting is the one decided here: the same URN where both have one, else the same name.</summary>
    public bool Names(NamedSetting setting) =>
        IsDecided && (setting.Urn is { } urn && NamedUrn is not null ? urn == NamedUrn : string.Equals(setting.Name.Trim(), NamedName, StringComparison.OrdinalIgnoreCase));

    private void Reset(ListRequest request, string? homePostcode, IReadOnlyList<ProposedSetting> proposed, DateTimeOffset now)
    {
        PrimaryNeed = request.PrimaryNeed;
        HomePostcode = homePostcode;
        HomeEasting = request.Home?.Easting;
        HomeNorthing = request.Home?.Northing;
        MaxDistanceKm = request.MaxDistanceKm;
        StartsOn = request.StartsOn;
        ListProposedOn = UkCalendar.DateOf(now);
        _entries.Clear();
        _entries.AddRange(proposed.Select(p => new ListEntry(RecordId.New(), LaCode, p.Setting.Urn, p.Setting.Name, p.Tier, p.DistanceKm, p.Available, p.Why, false, null)));
        UpdatedAt = now;
    }

    private SettingPreference Preference(Guid id) =>
        _preferences.FirstOrDefault(p => p.Id == id) ?? throw new StepRefusedException("preference-not-found", "That preference is not on this case.");

    /// <summary>Refuses <paramref name="action"/> unless <see cref="PlacementTransitions"/> allows it from the stage the placement has reached.</summary>
    private void Allow(PlacementAction action)
    {
        if (PlacementTransitions.IsAllowed(Stage, action))
        {
            return;
        }

        throw Stage == PlacementStage.Decided
            ? new StepRefusedException("placement-decided", $"The council named {NamedName} on {UkCalendar.InWords(DecidedOn.GetValueOrDefault())}. A change now is an amendment to the plan.")
            : new StepRefusedException("placement-not-decided", "No setting has been named yet.");
    }
    private static void RequireDistance(double km) => Require(km is > 0 and <= 200, "distance", "Enter a travel distance from 1 to 200 kilometres.");

    private static void RequireNotFuture(DateOnly on, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
