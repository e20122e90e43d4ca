using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;
using OpenSend.Domain.Reviews;
using static OpenSend.Data.Generation.NationalDataGenerator;

namespace OpenSend.Data.Generation;

/// <summary>
/// The plan side of a generated case, calibrated from the LA's published caseload (England's where
/// the LA's is missing): the plan written and issued through the plan's own steps, with its needs
/// ranked by the LA's mix of primary needs and a setting named by its mix of placements for the
/// child's age today; the child's sex and ethnicity by its mix; then a review every year (s.44; reg
/// 20) from the first generated year, decided within 4 weeks at the LA's published rate, and
/// maintained, amended or ceased (reg 20(10); s.45), a ceased plan ending once the family's time to
/// appeal has passed (reg 31). Amendments change the review's dates but not the plan's text, and
/// the named setting is the one for the child's age today (earlier phase transfers are not
/// generated).
/// </summary>
internal sealed class PlansInForce
{
    /// <summary>Of special school places, independent special schools hold about 15% (caseload.csv, January 2025: 29,647 of 193,880).</summary>
    private const double IndependentSpecialShare = 0.15;

    /// <summary>Review meetings held after the date they were due (not published per LA; about one in seven).</summary>
    private const double LateMeetingShare = 0.15;

    private static readonly string[] PlaceNames =
    [
        "Ashgrove", "Beechfield", "Coppice", "Dunmore", "Elmstead", "Foxley", "Glenside", "Holloway", "Ironbridge", "Kingsmead", "Longmeadow", "Millbrook",
        "Northgate", "Orchard", "Parkside", "Queensway", "Rowan", "Southfields", "Thornbury", "Upton", "Westcliffe",
    ];

    /// <summary>(index, GIAS type, type name, kind, low age, high age): one LA's invented register.</summary>
    private static readonly (int Index, int Type, string TypeName, string Kind, int Low, int High)[] Register =
    [
        (1, 1, "Community school", "Primary School", 4, 11), (2, 1, "Community school", "Primary School", 4, 11), (3, 3, "Voluntary controlled school", "CofE Primary School", 4, 11),
        (4, 34, "Academy converter", "Primary Academy", 4, 11), (5, 34, "Academy converter", "Primary Academy", 4, 11), (6, 1, "Community school", "Primary School", 4, 11),
        (7, 34, "Academy converter", "Academy", 11, 18), (8, 28, "Academy sponsor led", "Academy", 11, 18), (9, 1, "Community school", "High School", 11, 16),
        (10, 15, "Local authority nursery school", "Nursery School", 2, 5),
        (11, 7, "Community special school", "School", 3, 19), (12, 36, "Free schools special", "Special Free School", 5, 19),
        (13, 10, "Other independent special school", "House School", 7, 19),
        (14, 14, "Pupil referral unit", "Learning Centre", 5, 16),
        (15, 18, "Further education", "College", 16, 99),
    ];

    private readonly LocalAuthority _la;
    private readonly DateOnly _today;
    private readonly DateOnly _firstReviewed;
    private readonly DateOnly _census;
    private readonly PublishedCaseload _published;
    private readonly PublishedCaseload _england;
    private readonly ILookup<SettingCategory, Setting> _settings;

    public PlansInForce(LocalAuthority la, PublishedCaseload? published, PublishedCaseload? england, IReadOnlyList<Setting> settings, DateOnly today, DateOnly firstReviewed, DateOnly census)
    {
        _census = census;
        _la = la;
        _today = today;
        _firstReviewed = firstReviewed;
        _england = england ?? throw new InvalidDataException("The statistics release has no national caseload (caseload.csv).");
        _published = published ?? _england;
        _settings = settings.ToLookup(s => s.Category);
    }

    /// <summary>Generated settings have 7-digit URNs, 9 and the LA's number first ("9881001"); GIAS's are 6 digits, so they never meet.</summary>
    public static string GeneratedSettingUrnPattern(string laCode) => $"9{laCode}___";

    public static IReadOnlyList<Setting> SettingsFor(LocalAuthority la, DateTimeOffset now) => Register.Select(r =>
    {
        var place = PlaceNames[(r.Index * 7 + int.Parse(la.Code, System.Globalization.CultureInfo.InvariantCulture)) % PlaceNames.Length];
        return new Setting($"9{la.Code}{r.Index:D3}", SettingSource.Gias, $"{place} {r.Kind}")
        {
            LaCode = la.Code,
            TypeCode = r.Type,
            TypeName = r.TypeName,
            Category = Setting.CategoryOf(r.Type),
            Status = SettingStatus.Open,
            Phase = r.High <= 5 ? "Nursery" : r.Low >= 16 ? "16 plus" : r.Type is 7 or 10 or 36 or 14 ? "Not applicable" : r.Low >= 11 ? "Secondary" : "Primary",
            LowAge = r.Low,
            HighAge = r.High,
            Ukprn = r.Type == 18 ? $"1099{la.Code}{r.Index % 10}" : null,
            Town = la.Name,
            UpdatedAt = now,
        };
    }).ToList();

    /// <summary>
    /// How many plans made before the first generated year are needed for the LA's plans in force at
    /// its latest published census to match the published caseload: those still in force after a
    /// review each generated year, beside the plans made in the generated years (about one review each).
    /// </summary>
    public int EarlierPlansNeeded(double scale, int madeInWindow, int years)
    {
        var target = _published.Plans * scale;
        var keep = 1 - CeaseRate;
        return Math.Max(0, (int)Math.Round((target - madeInWindow * keep) / Math.Pow(keep, years), MidpointRounding.AwayFromZero));
    }

    private double CeaseRate => _published.CeaseRate ?? _england.CeaseRate ?? 0.065;

    /// <summary>An age at the published census for a plan made before the generated years, by the LA's published ages.</summary>
    public int AgeAtCensus(Random random) => Pick(_published.Ages.Values.Sum() > 0 ? _published.Ages : _england.Ages, random);

    public DateOnly Census => _census;

    public ChildDetails ChildDetailsFor(int index, DateOnly dateOfBirth, Random random)
    {
        var (male, female) = _published is { Male: { } m, Female: { } f } ? (m, f) : (_england.Male ?? 72, _england.Female ?? 28);
        var sex = random.Next(male + female) < male ? Sex.Male : Sex.Female;
        var ethnicities = _published.Ethnicities.Values.Sum() > 0 ? _published.Ethnicities : _england.Ethnicities;
        var ethnicity = ethnicities.Count > 0 ? Pick(ethnicities, random) : "NOBT";
        return SyntheticContent.ChildDetails(index, sex, ethnicity, dateOfBirth, _today);
    }

    /// <summary>The case's plan once a draft was served, and its reviews once the final plan was issued.</summary>
    public (EhcPlan? Plan, IReadOnlyList<AnnualReview> Reviews) History(EhcCase assessment, string given, Random random)
    {
        if (assessment.DraftServedOn is not { } served)
        {
            return (null, []);
        }

        var dateOfBirth = assessment.Child.DateOfBirth;
        var final = assessment.FinalPlanIssuedOn;
        var needs = _published.PrimaryNeeds.Values.Sum() > 0 ? _published.PrimaryNeeds : _england.PrimaryNeeds;
        var primary = Pick(needs, random);
        var second = Pick(_england.PrimaryNeeds, random);
        var plan = EhcPlan.Start(assessment.Id, assessment.LaCode, PlanContent.Empty, At(served));
        plan.Edit(c => SyntheticContent.Plan(c, given, dateOfBirth, final ?? served.AddDays(20), primary, second, () => NewGuid(random)), At(served));
        plan.IssueDraft(served, null, dateOfBirth, Generator, At(served));
        if (final is not { } madeOn)
        {
            return (plan, []);
        }

        // The placement mix is the published census's, so the setting is the one for the child's age then (or when the plan was made, if later).
        plan.Edit(c => c.WithSetting(NamedFor(CompulsorySchoolAge.AgeOn(dateOfBirth, Max(madeOn, Min(_census, _today))), random)), At(madeOn));
        plan.IssueFinal(madeOn, dateOfBirth, Generator, At(madeOn));
        return (plan, Reviews(assessment, plan.LatestFinal!.Content, madeOn, random));
    }

    private List<AnnualReview> Reviews(EhcCase assessment, PlanContent content, DateOnly madeOn, Random random)
    {
        var reviews = new List<AnnualReview>();
        var rules = assessment.RuleSet;
        var dateOfBirth = assessment.Child.DateOfBirth;
        var within4Weeks = _published.ReviewDecisionWithin4WeeksRate ?? _england.ReviewDecisionWithin4WeeksRate ?? 0.5;
        var (maintained, amended) = _published is { ReviewsMaintained: { } m, ReviewsAmended: { } a } && m + a > 0 ? (m, a) : (_england.ReviewsMaintained ?? 60, _england.ReviewsAmended ?? 40);
        DateOnly? last = null;
        while (true)
        {
            // An under-5's review is generated around the Code of Practice's recommended date (9.178), as LAs hold them.
            var dates = ReviewSchedule.NextReviewDates(rules, madeOn, last, dateOfBirth, _la.UnderFivesReviewMonths);
            var due = dates.RecommendedBy ?? dates.DueBy;
            if (due < _firstReviewed)
            {
                // Reviews before the first generated year are not generated: taken as held on the day they were due.
                last = due;
                continue;
            }

            var review = AnnualReview.Schedule(assessment.Id, assessment.LaCode, rules, dates.DueBy, null, null, At(Min(last ?? madeOn, _today)), dates.RecommendedBy);
            reviews.Add(review);
            var meeting = random.NextDouble() < LateMeetingShare ? due.AddDays(random.Next(1, 60)) : due.AddDays(-random.Next(0, 28));
            // Reg 20(3)-(4): invitations and papers at least 2 weeks before the meeting.
            var invitations = meeting.AddDays(-random.Next(14, 29));
            if (invitations > _today)
            {
                break;
            }

            review.ArrangeMeeting(meeting, invitations, At(invitations));
            var papers = Max(meeting.AddDays(-random.Next(14, 17)), invitations);
            if (papers > _today)
            {
                break;
            }

            review.RecordPapersCirculated(papers, At(papers));
            if (meeting > _today)
            {
                break;
            }

            review.RecordMeetingHeld(meeting, At(meeting));
            var decided = meeting.AddDays(random.NextDouble() < within4Weeks ? random.Next(5, 29) : random.Next(29, 80));
            var reportOn = Min(meeting.AddDays(random.Next(2, 15)), decided);
            var age = CompulsorySchoolAge.AgeOn(dateOfBirth, meeting);
            var cease = age >= 25 || random.NextDouble() < CeaseRate;
            if (reportOn > _today)
            {
                break;
            }

            review.SubmitReport(reportOn, Report(content, cease, random), content, At(reportOn));
            if (decided > _today)
            {
                break;
            }

            var decision = cease ? ReviewDecision.Cease : random.Next(maintained + amended) < maintained ? ReviewDecision.Maintain : ReviewDecision.Amend;
            CeaseReason? reason = cease ? age >= 25 ? CeaseReason.ReachedMaximumAge : CeaseReasonFor(age, random) : null;
            var reasons = decision switch
            {
                ReviewDecision.Maintain => "The plan still describes the child's needs and the provision that meets them.",
                ReviewDecision.Amend => "The review recommended changes to the outcomes and provision.",
                _ => $"The plan is no longer needed: {reason!.Value.Title().ToLowerInvariant()}.",
            };
            var rights = review.Decide(decided, decision, reasons, reason, At(decided));
            assessment.RecordReviewDecision(decided, meeting, decision, reasons, rights, Generator, At(decided), reason);
            if (cease)
            {
                // Reg 31: the plan is maintained until the time to appeal the decision has passed.
                var ceaseOn = assessment.EarliestCeaseOn(null)!.Value.AddDays(random.Next(0, 15));
                if (ceaseOn <= _today)
                {
                    assessment.CeasePlan(ceaseOn, null, null, Generator, At(ceaseOn));
                }

                break;
            }

            if (decision == ReviewDecision.Amend)
            {
                var notice = decided.AddDays(random.Next(0, 15));
                if (notice > _today)
                {
                    break;
                }

                review.RecordAmendmentNotice(notice, At(notice));
                // Reg 22(2)(c)-(3): after the family's 15 days to comment, within 8 weeks of the notice.
                var issued = notice.AddDays(random.Next(16, 57));
                if (issued > _today)
                {
                    break;
                }

                review.RecordAmendedPlanIssued(issued, false, At(issued));
            }

            last = meeting;
        }

        return reviews;
    }

    private static ReviewReport Report(PlanContent content, bool cease, Random random) => new(
        "I like my class and want to keep my helper.",
        "We are pleased with the progress this year.",
        content.Outcomes.Select(o => new OutcomeProgressEntry(o.Id, o.Description,
            random.Next(100) switch { < 20 => OutcomeProgress.Achieved, < 75 => OutcomeProgress.OnTrack, _ => OutcomeProgress.NotOnTrack },
            "The setting's termly assessments and the family's account.")).ToList(),
        [],
        false,
        "Stepping down to SEN support was considered; the provision in section F is still needed.",
        cease,
        cease ? "The outcomes are achieved or the plan's purpose has ended." : "Ceasing was considered; the plan is still needed.");

    /// <summary>A reason by the LA's published mix; moving into higher education or work, reaching the age limit, or disengaging only for young people of 18 or over.</summary>
    private CeaseReason CeaseReasonFor(int age, Random random)
    {
        var reasons = (_published.CeaseReasons.Values.Sum() > 0 ? _published.CeaseReasons : _england.CeaseReasons)
            .Where(r => age >= 18 || r.Key is not (CeaseReason.ReachedMaximumAge or CeaseReason.MovedToHigherEducation or CeaseReason.PaidEmployment or CeaseReason.NoLongerWishesToEngage))
            .ToDictionary(r => r.Key, r => r.Value);
        return reasons.Values.Sum() > 0 ? Pick(reasons, random) : CeaseReason.NeedsMetWithoutPlan;
    }

    /// <summary>The setting named in section I, by the LA's placement mix for a child of this age.</summary>
    private NamedSetting NamedFor(int age, Random random)
    {
        var mix = (_published.Placements.Values.Sum() > 0 ? _published.Placements : _england.Placements).ToDictionary(p => p.Key, p => (double)p.Value);
        var total = mix.Values.Sum();
        CaseloadPlacement placement;
        // Post-16 places are for young people over 16: their share of the LA's 16-and-overs.
        var sixteenPlus = _published.SixteenPlusShare ?? _england.SixteenPlusShare ?? 0.26;
        if (age >= 16 && random.NextDouble() < Math.Min(1, mix[CaseloadPlacement.PostSixteen] / total / sixteenPlus))
        {
            placement = CaseloadPlacement.PostSixteen;
        }
        else
        {
            mix.Remove(CaseloadPlacement.PostSixteen);
            if (age < 5 || age >= 16)
            {
                mix.Remove(CaseloadPlacement.AlternativeProvision);
            }

            placement = Pick(mix.ToDictionary(m => m.Key, m => (int)Math.Round(m.Value)), random);
        }

        Setting? setting = placement switch
        {
            CaseloadPlacement.Mainstream => Choose(_settings[SettingCategory.Mainstream].Where(s => s.TakesAge(age) || (age >= 18 && s.HighAge == 18)), random),
            CaseloadPlacement.Special => random.NextDouble() < IndependentSpecialShare ? Choose(_settings[SettingCategory.IndependentSpecial], random) : Choose(_settings[SettingCategory.Special], random),
            CaseloadPlacement.AlternativeProvision => Choose(_settings[SettingCategory.AlternativeProvision], random),
            CaseloadPlacement.PostSixteen => Choose(_settings[SettingCategory.PostSixteen], random),
            _ => null,
        };
        return setting is null
            ? new NamedSetting(age < 5 ? "An early years setting" : "Education otherwise than in a school", null, null,
                age < 5 ? "Early years provider" : "Education otherwise than in a school (s.61)")
            : new NamedSetting(setting.Name, setting.Urn, setting.Category == SettingCategory.PostSixteen ? setting.Ukprn : null, null);
    }

    private static Setting? Choose(IEnumerable<Setting> settings, Random random)
    {
        var list = settings as IList<Setting> ?? settings.ToList();
        return list.Count == 0 ? null : list[random.Next(list.Count)];
    }

    private static T Pick<T>(IReadOnlyDictionary<T, int> weights, Random random)
        where T : notnull
    {
        var pick = random.Next(Math.Max(1, weights.Values.Sum()));
        foreach (var (value, weight) in weights)
        {
            pick -= weight;
            if (pick < 0)
            {
                return value;
            }
        }

        return weights.Keys.First();
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
