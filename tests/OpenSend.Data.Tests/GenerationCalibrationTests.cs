using OpenSend.Data.Generation;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Tests;

/// <summary>
/// The generator at --scale 0.01 against the DfE's published figures, LA by LA. Outcomes are
/// measured on the generated cases through the domain's own deadline evaluation, not read back
/// from the generator's plan, so a generator that dealt the right quotas but built the wrong
/// histories would fail here.
///
/// Stated tolerance: each LA's request count is exactly round(published × scale); each outcome
/// count is within one case of (cases it applies to × the LA's published rate), the granularity
/// of a small sample; England's rates are within two percentage points (the generated cohort
/// weights each LA by its requests, the published rate by the plans it issued that year).
/// </summary>
public sealed class GenerationCalibrationTests
{
    private static readonly Lazy<PublishedStatistics> Statistics = new(() =>
        PublishedStatistics.Load(PublishedStatistics.Locate() ?? throw new InvalidOperationException(
            $"The DfE statistics release is not at {PublishedStatistics.DefaultRelativePath} beside the repository; the calibration tests need it.")));

    // Far enough after the last published year that every case of that year has finished.
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static readonly GenerationOptions Options = new(0.01, 3, 42);

    private static readonly IReadOnlyList<LocalAuthority> Las = LocalAuthorityRegister.England();

    [Fact]
    public void EveryLa_RequestsInEachYear_AreThePublishedNumberTimesTheScale()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options, Today);
        var checkedLas = 0;
        foreach (var la in Las.Where(generator.Covers))
        {
            var byYear = Cases(generator, la).Where(c => c.RequestReceivedOn.Year <= generator.PublishedYears[^1])
                .GroupBy(c => c.RequestReceivedOn.Year).ToDictionary(g => g.Key, g => g.Count());
            foreach (var year in generator.PublishedYears)
            {
                var published = Statistics.Value.For(la.Code, year);
                var expected = published is null ? 0 : (int)Math.Round((published.RequestsReceived ?? 0) * Options.Scale, MidpointRounding.AwayFromZero);
                Assert.True(expected == byYear.GetValueOrDefault(year), $"{la.Name} ({la.Code}) {year}: expected {expected} requests, generated {byYear.GetValueOrDefault(year)}.");
            }

            checkedLas++;
        }

        Assert.InRange(checkedLas, 150, 153);
    }

    [Fact]
    public void EveryLa_LatestYearsOutcomes_MatchItsPublishedRatesWithinOneCase()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options, Today);
        var year = generator.PublishedYears[^1];
        var england = Statistics.Value.National(year);
        var failures = new List<string>();
        foreach (var la in Las.Where(generator.Covers))
        {
            var published = Statistics.Value.For(la.Code, year);
            if (published is null)
            {
                continue;
            }

            var cases = Cases(generator, la).Where(c => c.RequestReceivedOn.Year == year).ToList();
            var measured = Measure(cases);
            void Within(string what, int actual, int of, double? rate, double? fallback)
            {
                var expected = of * (rate ?? fallback ?? 0);
                if (Math.Abs(actual - expected) > 1)
                {
                    failures.Add($"{la.Name} ({la.Code}) {what}: {actual} of {of}, expected {expected:0.0} (rate {rate ?? fallback:P1}).");
                }
            }

            Within("assessed", measured.Assessed, cases.Count, published.AssessRate, england.AssessRate);
            Within("decided within 6 weeks", measured.DecidedInSixWeeks, measured.Decided, published.SixWeekRate, england.SixWeekRate);
            Within("plans issued", measured.Plans, measured.Assessed, published.IssueRate, england.IssueRate);
            Within("plans within 20 weeks", measured.PlansWithin20Weeks, measured.Plans, published.Within20WeeksRate, england.Within20WeeksRate);
            Within("plans after a year", measured.PlansOverAYear, measured.Plans, published.OverAYearRate, england.OverAYearRate);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void England_LatestYearsTwentyWeekRate_IsThePublishedOneWithinTwoPoints()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options with { Years = 1 }, Today);
        var year = generator.PublishedYears[^1];
        var cases = Las.Where(generator.Covers).SelectMany(la => Cases(generator, la)).Where(c => c.RequestReceivedOn.Year == year).ToList();
        var measured = Measure(cases);
        var published = Statistics.Value.National(year);

        Assert.InRange(measured.PlansWithin20Weeks / (double)measured.Plans, published.Within20WeeksRate!.Value - 0.02, published.Within20WeeksRate!.Value + 0.02);
        Assert.InRange(measured.Assessed / (double)cases.Count, published.AssessRate!.Value - 0.02, published.AssessRate!.Value + 0.02);
    }

    [Fact]
    public void AnLaWithALowTwentyWeekRate_GetsAboutThatRate_AndOneWithAHighRateGetsItsOwn()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options with { Scale = 0.2 }, Today);
        var year = generator.PublishedYears[^1];
        var published = Las.Select(la => (La: la, Year: Statistics.Value.For(la.Code, year)))
            .Where(x => x.Year is { PlansIssued: > 200, Within20WeeksRate: not null })
            .OrderBy(x => x.Year!.Within20WeeksRate).ToList();

        foreach (var (la, figures) in new[] { published[0], published[^1] })
        {
            var measured = Measure(Cases(generator, la).Where(c => c.RequestReceivedOn.Year == year).ToList());
            var rate = measured.PlansWithin20Weeks / (double)measured.Plans;
            Assert.True(Math.Abs(rate - figures!.Within20WeeksRate!.Value) <= 1.0 / measured.Plans + 1e-9,
                $"{la.Name}: published {figures.Within20WeeksRate:P1}, generated {rate:P1} of {measured.Plans} plans.");
        }

        Assert.True(published[^1].Year!.Within20WeeksRate - published[0].Year!.Within20WeeksRate > 0.5, "The published rates should differ widely between these LAs.");
    }

    [Fact]
    public void TheSameSeed_GivesTheSameCases_AndAnotherSeedDoesNot()
    {
        var kent = Las.Single(l => l.Code == "886");
        string Fingerprint(int seed) => string.Join("|", new NationalDataGenerator(Statistics.Value, Options with { Seed = seed }, Today).For(kent).Select(g => g.Assessment)
            .Select(c => $"{c.Id}:{c.Reference}:{c.Child.FullName}:{c.Child.DateOfBirth}:{c.Stage}:{c.RequestReceivedOn}:{c.FinalPlanIssuedOn}"));

        Assert.Equal(Fingerprint(42), Fingerprint(42));
        Assert.NotEqual(Fingerprint(42), Fingerprint(43));
    }

    [Fact]
    public void CaseKeys_GoUpInLoadOrder_ByLaThenCase_SoTheBulkLoadAppendsToItsIndexes()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options, Today);
        var keys = Las.Where(l => l.Code is "202" or "886" or "938").OrderBy(l => l.Code, StringComparer.Ordinal)
            .SelectMany(la => generator.For(la)).Select(g => g.Assessment.Id.ToString()).ToList();

        Assert.True(keys.Count > 100);
        // PostgreSQL orders uuid by its bytes, as their hex text sorts.
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(keys, k => Assert.Equal('8', k[14]));
    }

    [Fact]
    public void RecentWork_SinceTheLastPublishedYear_IsOpenAtEveryStage_WithNothingInTheFuture()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options with { Scale = 0.1, Years = 1 }, Today);
        var cases = Las.Where(l => l.Code is "886" or "850" or "925").SelectMany(la => Cases(generator, la)).ToList();
        var open = cases.Where(c => c.IsOpen).ToList();

        Assert.Equal(
            Enum.GetValues<AssessmentStage>().Where(s => s.IsOpen()).Order(),
            open.Select(c => c.Stage).Distinct().Order());
        Assert.All(cases, c => Assert.All(c.Timeline, e => Assert.True(e.OccurredOn <= Today, $"{c.Reference}: {e.Action} on {e.OccurredOn}")));
        Assert.Contains(open, c => c.NextDeadlineOn < Today);
        Assert.Contains(open, c => c.NextDeadlineOn >= Today);
    }

    /// <summary>
    /// Plans in force on the census day of January 2025 against each LA's published caseload.
    /// Stated tolerance: England within 2%; each LA within 15% or 8 plans, whichever is more. At this
    /// scale an LA has 20 to 150 plans, and the earlier plans are sized from the expected ceasing,
    /// which a small LA's draws scatter; an LA whose plans made in the generated years alone exceed
    /// its caseload (Newham, whose requests grew fastest) gets no earlier plans and stays above it.
    /// </summary>
    [Fact]
    public void PlansInForce_AtTheLatestPublishedCensus_MatchEachLasCaseload()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options, Today);
        var census = Returns.Sen2Extract.CensusDay(generator.PublishedYears[^1] + 1);
        var failures = new List<string>();
        double generated = 0, expected = 0;
        foreach (var la in Las.Where(generator.Covers))
        {
            var active = Cases(generator, la).Count(c => InForce(c, census));
            var target = (Statistics.Value.CaseloadOf(la.Code)?.Plans ?? 0) * Options.Scale;
            generated += active;
            expected += target;
            if (Math.Abs(active - target) > Math.Max(8, target * 0.15))
            {
                failures.Add($"{la.Name} ({la.Code}): {active} plans in force, published {target:0.0}.");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.InRange(generated, expected * 0.98, expected * 1.02);
    }

    /// <summary>
    /// England's plans in force on the census day by primary need and by placement, and the year's
    /// ceased plans and review decisions, against the published figures. Stated tolerance: each
    /// need's share within 1.5 percentage points; each placement's within 2 (plans made in the
    /// generated years follow the ages of requests, a little younger than the caseload's, so
    /// slightly fewer are in post-16 places); ceased plans within 15%; the
    /// share of review decisions within 4 weeks within 3 points.
    /// </summary>
    [Fact]
    public void PlansInForce_NeedsPlacementsCeasingAndReviews_FollowEnglandsPublishedMix()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options, Today);
        var year = generator.PublishedYears[^1];
        var census = Returns.Sen2Extract.CensusDay(year + 1);
        var england = Statistics.Value.CaseloadOf(null)!;
        var all = Las.Where(generator.Covers).SelectMany(generator.For).ToList();
        var settings = Las.Where(generator.Covers).SelectMany(generator.SettingsFor).ToDictionary(s => s.Urn);
        var inForce = all.Where(c => InForce(c.Assessment, census)).Select(c => c.Plan!.Versions.Last(v => v.Status == Domain.Plans.PlanStatus.Final && v.IssuedOn <= census).Content).ToList();

        foreach (var (need, published) in england.PrimaryNeeds)
        {
            var share = inForce.Count(p => p.NeedsIn(Domain.Plans.PlanSection.B).Any(n => n.Rank == 1 && n.NeedType == need)) / (double)inForce.Count;
            Assert.True(Math.Abs(share - published / (double)england.Plans) <= 0.015, $"{need}: generated {share:P1}, published {published / (double)england.Plans:P1}.");
        }

        CaseloadPlacement PlacementOf(Domain.Plans.PlanContent plan) => plan.SectionI?.Urn is { } urn ? settings[urn].Category switch
        {
            Domain.Placements.SettingCategory.Mainstream => CaseloadPlacement.Mainstream,
            Domain.Placements.SettingCategory.Special or Domain.Placements.SettingCategory.IndependentSpecial => CaseloadPlacement.Special,
            Domain.Placements.SettingCategory.AlternativeProvision => CaseloadPlacement.AlternativeProvision,
            _ => CaseloadPlacement.PostSixteen,
        } : CaseloadPlacement.Other;
        foreach (var (placement, published) in england.Placements)
        {
            var share = inForce.Count(p => PlacementOf(p) == placement) / (double)inForce.Count;
            Assert.True(Math.Abs(share - published / (double)england.Plans) <= 0.02, $"{placement}: generated {share:P1}, published {published / (double)england.Plans:P1}.");
        }

        var ceased = all.Count(c => c.Assessment.PlanCeasedOn?.Year == year);
        Assert.InRange(ceased, england.Ceased!.Value * Options.Scale * 0.85, england.Ceased!.Value * Options.Scale * 1.15);

        var decided = all.SelectMany(c => c.Reviews).Where(r => r.DecidedOn?.Year == year).ToList();
        var within4Weeks = decided.Count(r => r.DecidedOn!.Value <= r.MeetingHeldOn!.Value.AddDays(28)) / (double)decided.Count;
        Assert.InRange(within4Weeks, england.ReviewDecisionWithin4WeeksRate!.Value - 0.03, england.ReviewDecisionWithin4WeeksRate!.Value + 0.03);
    }

    /// <summary>Every plan in force on today has a review open or held within the last year, and none is dated after today.</summary>
    [Fact]
    public void EveryPlanInForce_HasItsAnnualReview_InOrderAndNotInTheFuture()
    {
        var generator = new NationalDataGenerator(Statistics.Value, Options with { Scale = 0.05 }, Today);
        var cases = Las.Where(l => l.Code is "886" or "850" or "925").SelectMany(generator.For).Where(c => c.Assessment.Stage == AssessmentStage.PlanIssued).ToList();

        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.NotNull(c.Plan?.LatestFinal?.Content.SectionI);
            var latest = c.Reviews.OrderBy(r => r.DueBy).LastOrDefault();
            Assert.True(latest is not null && (latest.IsOpen || latest.MeetingHeldOn >= Today.AddYears(-1)), $"{c.Assessment.Reference}: no review open or held in the last year.");
            Assert.All(c.Reviews, r =>
            {
                Assert.True(r.MeetingHeldOn is null || (r.InvitationsSentOn <= r.MeetingHeldOn && r.MeetingHeldOn <= Today), $"{c.Assessment.Reference}: meeting {r.MeetingHeldOn}.");
                Assert.True(r.DecidedOn is null || (r.DecidedOn >= r.MeetingHeldOn && r.DecidedOn <= Today), $"{c.Assessment.Reference}: decided {r.DecidedOn}.");
            });
        });
        Assert.Contains(cases.SelectMany(c => c.Reviews), r => r.Decision == Domain.Reviews.ReviewDecision.Amend && r.AmendedPlanIssuedOn is not null);
    }

    private static bool InForce(EhcCase c, DateOnly census) =>
        c.FinalPlanIssuedOn <= census && (c.PlanCeasedOn is null || c.PlanCeasedOn > census) && c.Stage is AssessmentStage.PlanIssued or AssessmentStage.PlanCeased;

    private static IEnumerable<EhcCase> Cases(NationalDataGenerator generator, LocalAuthority la) => generator.For(la).Select(g => g.Assessment);

    private sealed record Measured(int Decided, int DecidedInSixWeeks, int Assessed, int Plans, int PlansWithin20Weeks, int PlansOverAYear);

    private static Measured Measure(IReadOnlyList<EhcCase> cases)
    {
        int decided = 0, inSixWeeks = 0, plans = 0, within20 = 0, overAYear = 0;
        foreach (var c in cases)
        {
            var deadlines = c.Deadlines(Today);
            var decision = deadlines.Single(d => d.Deadline.Step == StatutoryStep.DecisionToAssess);
            if (decision.CompletedOn is not null)
            {
                decided++;
                inSixWeeks += decision.State == DeadlineState.Met ? 1 : 0;
            }

            if (c.FinalPlanIssuedOn is { } issued)
            {
                plans++;
                within20 += deadlines.Single(d => d.Deadline.Step == StatutoryStep.FinalPlan).State == DeadlineState.Met ? 1 : 0;
                overAYear += issued > c.RequestReceivedOn.AddYears(1) ? 1 : 0;
            }
        }

        return new Measured(decided, inSixWeeks, cases.Count(c => c.WillAssess == true), plans, within20, overAYear);
    }
}
