using System.Security.Cryptography;
using OpenSend.Data.Assessments;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Generation;

/// <summary>What to generate.</summary>
/// <param name="Scale">The fraction of England's published volumes (1 is all of England).</param>
/// <param name="Years">How many of the latest published calendar years of requests to generate.</param>
/// <param name="Seed">The same seed gives the same cases (dates, outcomes, names, ids).</param>
public sealed record GenerationOptions(double Scale, int Years, int Seed);

/// <summary>One generated child's case: the assessment, the plan once a draft was served, and the plan's reviews.</summary>
public sealed record GeneratedCase(EhcCase Assessment, EhcPlan? Plan, IReadOnlyList<AnnualReview> Reviews)
{
    /// <summary>Rows across every table the case is written to.</summary>
    public long Rows => 1 + Assessment.Timeline.Count + Assessment.AdviceRequests.Count + Assessment.Exceptions.Count + Assessment.PanelRecommendations.Count
        + (Plan is null ? 0 : 1 + Plan.Versions.Count) + Reviews.Count;
}

/// <summary>
/// Synthetic but realistic EHC needs assessments for every LA in England, calibrated per LA and year
/// from the DfE's published statistics: the number of requests, the share assessed, not assessed and
/// withdrawn, the 6-week decision rate, the share of assessments ending in a plan, the 20-week rate
/// and the plans issued after a year, and the share with a recorded exception. Outcomes are dealt by
/// quota (largest remainder), not drawn at random, so even a small LA matches its published rates to
/// within one case. The years after the last published one, up to today, follow the latest
/// published rates, so requests from recent months are still open, at every stage. Plans in force
/// made before the first generated year are added until the LA's plans at the latest published
/// census match its published caseload; every plan has ranked needs and a named setting by the
/// LA's published mix (<see cref="PlansInForce"/>), and is reviewed every year from the first
/// generated year, maintained, amended or ceased at the LA's published rates. Every case is built
/// through the domain's own named steps, so it is a legal history. Names are invented.
/// </summary>
public sealed class NationalDataGenerator(PublishedStatistics statistics, GenerationOptions options, DateOnly today)
{
    private static readonly string[] GivenNames =
    [
        "Ada", "Bilal", "Cara", "Dmitri", "Esme", "Farah", "Gus", "Hana", "Ivo", "Jaya", "Kofi", "Lila", "Mateo", "Noor", "Orla", "Pip",
        "Quentin", "Rhea", "Soren", "Tamsin", "Uma", "Vik", "Wren", "Xavi", "Yara", "Zeb", "Arlo", "Bryn", "Cleo", "Dax", "Elin", "Fox",
    ];

    private static readonly string[] FamilyNames =
    [
        "Abbotsleigh", "Birchmore", "Calderwood", "Dovecote", "Eastwold", "Fernhill", "Greystoke", "Hawkridge", "Ivydene", "Juniper",
        "Kestrelby", "Larkspur", "Moorcroft", "Nettlebed", "Oakhurst", "Pennyfold", "Quarryside", "Ravensworth", "Sedgemoor", "Thistlewood",
        "Underhill", "Valemont", "Willowby", "Yewdale",
    ];

    private static readonly AdviserKind[] AdviceKinds = [AdviserKind.Educational, AdviserKind.Psychological, AdviserKind.Health, AdviserKind.SocialCare];

    internal static readonly Actor Generator = new("generator", "Synthetic data generator", "System", null);

    /// <summary>The published calendar years generated (the years since, to today, follow the latest of them).</summary>
    public IReadOnlyList<int> PublishedYears => statistics.YearsPublished.TakeLast(options.Years).ToList();

    /// <summary>Generated references are "{LA}-{year}-G{sequence}"; the G keeps them apart from the service's own.</summary>
    public static string GeneratedReferencePattern(string laCode) => $"{laCode}-____-G%";

    /// <summary>Whether the statistics publish anything for this LA in the generated years (LAs that no longer exist, or not yet, are skipped).</summary>
    public bool Covers(LocalAuthority la) => PublishedYears.Any(year => statistics.For(la.Code, year) is not null);

    /// <summary>How many requests each LA gets in each published year generated.</summary>
    public int Planned(PublishedYear published) => (int)Math.Round((published.RequestsReceived ?? 0) * options.Scale, MidpointRounding.AwayFromZero);

    /// <summary>The settings register the LA's generated plans name (<see cref="PlansInForce.SettingsFor"/>).</summary>
    public IReadOnlyList<Setting> SettingsFor(LocalAuthority la) => PlansInForce.SettingsFor(la, At(today));

    /// <summary>Every generated case for one LA, in order; streamed, so memory stays bounded.</summary>
    public IEnumerable<GeneratedCase> For(LocalAuthority la)
    {
        var latestYear = PublishedYears[^1];
        var national = statistics.National(latestYear);
        var plans = new PlansInForce(la, statistics.CaseloadOf(la.Code), statistics.CaseloadOf(null), SettingsFor(la), today, new DateOnly(PublishedYears[0], 1, 1),
            Returns.Sen2Extract.CensusDay(latestYear + 1));
        var years = new List<(int Year, List<CasePlan> Cases, Random Random, IReadOnlyList<(int Age, int Requests)>? Ages)>();
        foreach (var year in PublishedYears)
        {
            if (statistics.For(la.Code, year) is not { } published)
            {
                continue;
            }

            var random = new Random(StableSeed($"{options.Seed}/{la.Code}/{year}"));
            var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            years.Add((year, Plan(Planned(published), Rates.From(published, statistics.National(year)), random, r => new DateOnly(year, 1, 1).AddDays(r.Next(0, daysInYear))),
                random, statistics.NationalAges.GetValueOrDefault(year)));
        }

        // The years since the last publication, to today, at the LA's latest published rates.
        var latest = statistics.For(la.Code, latestYear);
        if (latest is not null)
        {
            for (var year = latestYear + 1; year <= today.Year; year++)
            {
                var first = new DateOnly(year, 1, 1);
                var days = Math.Min(today.DayNumber - first.DayNumber + 1, DateTime.IsLeapYear(year) ? 366 : 365);
                var random = new Random(StableSeed($"{options.Seed}/{la.Code}/{year}/since"));
                var count = (int)Math.Round(Planned(latest) * days / 365.0, MidpointRounding.AwayFromZero);
                years.Add((year, Plan(count, Rates.From(latest, national), random, r => first.AddDays(r.Next(0, days))), random, statistics.NationalAges.GetValueOrDefault(latestYear)));
            }
        }

        // Plans made before the first generated year, so the LA's plans in force at its latest published census match its caseload.
        var census = plans.Census;
        var madeInWindow = years.Sum(y => y.Cases.Count(c => c.Request == RequestOutcome.Assess && c.Assessment == AssessmentOutcome.Plan
            && c.Received.AddDays(MiddleFinalPlanDay(c.Timing)) <= census));
        var earlier = plans.EarlierPlansNeeded(options.Scale, madeInWindow, options.Years);
        var sequence = 0;
        var backfill = new Random(StableSeed($"{options.Seed}/{la.Code}/earlier"));
        var firstYear = new DateOnly(PublishedYears[0], 1, 1);
        var earliest = Max(new DateOnly(2015, 1, 1), firstYear.AddYears(-8));
        var latestRequest = firstYear.AddDays(-150);
        foreach (var _ in Enumerable.Range(0, earlier))
        {
            // The child's age at the census by the LA's published ages; a request from 2015 (the 2014 Act's plans;
            // statements converted before then are not modelled), at 2 or older, made within 20 weeks.
            DateOnly dateOfBirth, from;
            do
            {
                dateOfBirth = census.AddYears(-plans.AgeAtCensus(backfill)).AddDays(-backfill.Next(0, 365));
                from = Max(earliest, dateOfBirth.AddYears(2));
            }
            while (from >= latestRequest);

            var received = from.AddDays(backfill.Next(0, latestRequest.DayNumber - from.DayNumber));
            yield return Build(la, new CasePlan(received, RequestOutcome.Assess, true, AssessmentOutcome.Plan, PlanTiming.Within20Weeks, false), ++sequence, backfill,
                null, plans, dateOfBirth);
        }

        foreach (var (_, cases, random, ages) in years)
        {
            foreach (var plan in cases)
            {
                yield return Build(la, plan, ++sequence, random, ages, plans);
            }
        }
    }

    private enum RequestOutcome
    {
        Assess,
        NotAssess,
        Withdrawn,
    }

    private enum AssessmentOutcome
    {
        Plan,
        NoPlan,
        Withdrawn,
    }

    private enum PlanTiming
    {
        Within20Weeks,
        UnderAYear,
        OverAYear,
    }

    private sealed record CasePlan(DateOnly Received, RequestOutcome Request, bool DecidedInSixWeeks, AssessmentOutcome Assessment, PlanTiming Timing, bool Exception);

    /// <summary>The published rates, with England's where the LA's cell is suppressed.</summary>
    private sealed record Rates(double Assess, double Withdrawn, double SixWeeks, double Issue, double AssessmentWithdrawn, double Within20, double OverAYear, double Exception)
    {
        public static Rates From(PublishedYear la, PublishedYear england) => new(
            la.AssessRate ?? england.AssessRate ?? 0.65,
            la.WithdrawnRate ?? england.WithdrawnRate ?? 0.02,
            la.SixWeekRate ?? england.SixWeekRate ?? 0.85,
            la.IssueRate ?? england.IssueRate ?? 0.93,
            la.AssessmentWithdrawnRate ?? england.AssessmentWithdrawnRate ?? 0.01,
            la.Within20WeeksRate ?? england.Within20WeeksRate ?? 0.5,
            la.OverAYearRate ?? england.OverAYearRate ?? 0.07,
            la.ExceptionRate ?? england.ExceptionRate ?? 0.06);
    }

    /// <summary>Deals outcomes to <paramref name="count"/> requests by quota, then shuffles them over the year.</summary>
    private static List<CasePlan> Plan(int count, Rates rates, Random random, Func<Random, DateOnly> receivedOn)
    {
        var requests = Deal(count, random, (RequestOutcome.Assess, rates.Assess), (RequestOutcome.Withdrawn, rates.Withdrawn), (RequestOutcome.NotAssess, 1 - rates.Assess - rates.Withdrawn));
        var decided = requests.Count(r => r != RequestOutcome.Withdrawn);
        var onTime = new Queue<bool>(Deal(decided, random, (true, rates.SixWeeks), (false, 1 - rates.SixWeeks)));
        var assessed = requests.Count(r => r == RequestOutcome.Assess);
        var assessments = new Queue<AssessmentOutcome>(Deal(assessed, random,
            (AssessmentOutcome.Plan, rates.Issue), (AssessmentOutcome.Withdrawn, rates.AssessmentWithdrawn), (AssessmentOutcome.NoPlan, 1 - rates.Issue - rates.AssessmentWithdrawn)));
        var plans = assessments.Count(a => a == AssessmentOutcome.Plan);
        var timings = new Queue<PlanTiming>(Deal(plans, random,
            (PlanTiming.Within20Weeks, rates.Within20), (PlanTiming.OverAYear, rates.OverAYear), (PlanTiming.UnderAYear, 1 - rates.Within20 - rates.OverAYear)));
        var late = plans - timings.Count(t => t == PlanTiming.Within20Weeks);
        // An exception explains a breach, so it goes to late plans (DfE: the 20-week rate with and without them).
        var exceptions = new Queue<bool>(Deal(late, random, (true, Math.Min(1, rates.Exception * plans / Math.Max(1, late))), (false, 1 - Math.Min(1, rates.Exception * plans / Math.Max(1, late)))));

        var result = new List<CasePlan>(count);
        foreach (var request in requests)
        {
            var received = receivedOn(random);
            var inSixWeeks = request != RequestOutcome.Withdrawn && onTime.Dequeue();
            var assessment = request == RequestOutcome.Assess ? assessments.Dequeue() : AssessmentOutcome.NoPlan;
            var timing = request == RequestOutcome.Assess && assessment == AssessmentOutcome.Plan ? timings.Dequeue() : PlanTiming.Within20Weeks;
            var exception = request == RequestOutcome.Assess && assessment == AssessmentOutcome.Plan && timing != PlanTiming.Within20Weeks && exceptions.Dequeue();
            result.Add(new CasePlan(received, request, inSixWeeks, assessment, timing, exception));
        }

        return result;
    }

    /// <summary>Largest-remainder quotas, shuffled: exactly round(n × share) of each, in a random order.</summary>
    private static List<T> Deal<T>(int count, Random random, params (T Value, double Share)[] shares)
    {
        var clamped = shares.Select(s => (s.Value, Share: Math.Max(0, s.Share))).ToArray();
        var total = clamped.Sum(s => s.Share);
        var exact = clamped.Select(s => total > 0 ? s.Share / total * count : count / (double)clamped.Length).ToArray();
        var quotas = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.i).Take(count - quotas.Sum()).Select(x => x.i))
        {
            quotas[i]++;
        }

        var dealt = clamped.SelectMany((s, i) => Enumerable.Repeat(s.Value, quotas[i])).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dealt));
        return dealt;
    }

    private GeneratedCase Build(LocalAuthority la, CasePlan plan, int sequence, Random random, IReadOnlyList<(int Age, int Requests)>? ages, PlansInForce plans, DateOnly? bornOn = null)
    {
        var received = plan.Received;
        var age = bornOn is { } born ? CompulsorySchoolAge.AgeOn(born, received) : Age(ages, random);
        var dateOfBirth = bornOn ?? received.AddYears(-age).AddDays(-random.Next(0, 365));
        var youngPerson = age >= 17 && random.NextDouble() < 0.4 && CompulsorySchoolAge.IsOverCompulsorySchoolAge(dateOfBirth, received);
        var kind = youngPerson ? RequesterKind.YoungPerson : age is >= 4 and <= 16 && random.NextDouble() < 0.3 ? RequesterKind.SchoolOrCollege : RequesterKind.Parent;
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var id = OrderedId(la.Code, sequence, random);
        var reference = $"{la.Code}-{received.Year}-G{sequence:D6}";
        var rules = la.RuleSetForClockStart(received);
        var assessment = EhcCase.Receive(id, la.Code, reference, new Child(given, family, dateOfBirth),
            new Requester(kind, kind == RequesterKind.SchoolOrCollege ? "SENCO" : $"{GivenNames[random.Next(GivenNames.Length)]} {family}",
                $"requester{sequence}.{la.Code}@example.com", null, kind == RequesterKind.SchoolOrCollege ? "A school" : null),
            "Synthetic request generated from published statistics.", true, received, rules,
            AssessmentCases.HashTrackingToken(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), Generator, At(received));

        var steps = Steps(plan, received, random);
        foreach (var (day, step) in steps.OrderBy(s => s.Day))
        {
            if (day > today)
            {
                break;
            }

            step(assessment, At(day));
        }

        var life = new Random(random.Next());
        assessment.RecordChildDetails(plans.ChildDetailsFor(int.Parse(la.Code, System.Globalization.CultureInfo.InvariantCulture) * 100_000 + sequence, dateOfBirth, life), At(received));
        var (ehcPlan, reviews) = plans.History(assessment, given, life);
        return new GeneratedCase(assessment, ehcPlan, reviews);
    }

    /// <summary>The case's whole planned history; only the steps up to today are applied.</summary>
    private static List<(DateOnly Day, Action<EhcCase, DateTimeOffset> Step)> Steps(CasePlan plan, DateOnly received, Random random)
    {
        var steps = new List<(DateOnly, Action<EhcCase, DateTimeOffset>)>();
        DateOnly Day(int n) => received.AddDays(n);
        if (plan.Request == RequestOutcome.Withdrawn)
        {
            var day = Day(random.Next(5, 40));
            steps.Add((day, (a, now) => a.Withdraw(day, "The family withdrew the request.", Generator, now)));
            return steps;
        }

        var decision = Day(plan.DecidedInSixWeeks ? random.Next(14, 43) : random.Next(43, 85));
        if (plan.Request == RequestOutcome.NotAssess)
        {
            steps.Add((decision, (a, now) => a.DecideNotToAssess(decision, "Needs can be met from the resources normally available to the setting.", Generator, now)));
            return steps;
        }

        steps.Add((decision, (a, now) => a.DecideToAssess(decision, string.Empty, Generator, now)));
        var adviceRequested = decision.AddDays(random.Next(1, 8));
        var adviceDue = adviceRequested.AddDays(random.Next(20, 56));
        foreach (var kind in AdviceKinds)
        {
            steps.Add((adviceRequested, (a, now) => a.RequestAdvice(kind, kind.Title(), adviceRequested, Generator, now)));
        }

        if (plan.Assessment == AssessmentOutcome.Withdrawn)
        {
            var day = adviceRequested.AddDays(random.Next(10, 40));
            steps.Add((day, (a, now) => a.Withdraw(day, "The family withdrew the request during the assessment.", Generator, now)));
            return steps;
        }

        if (plan.Assessment == AssessmentOutcome.NoPlan)
        {
            var day = Max(Day(random.Next(90, 113)), adviceDue.AddDays(1));
            AddAdviceReceipts(steps, adviceRequested, day, random);
            steps.Add((day, (a, now) => a.DecideNotToIssue(day, "The assessment shows needs can be met without an EHC plan.", Generator, now)));
            return steps;
        }

        var (fromDay, toDay) = FinalPlanDays(plan.Timing);
        var final = Day(random.Next(fromDay, toDay + 1));
        var served = final.AddDays(-random.Next(15, 26));
        var issueDecision = served.AddDays(-random.Next(1, 11));
        if (issueDecision <= adviceRequested)
        {
            issueDecision = adviceRequested.AddDays(1);
            served = Max(served, issueDecision);
            final = Max(final, served.AddDays(15));
        }

        AddAdviceReceipts(steps, adviceRequested, served, random);
        if (plan.Exception)
        {
            var from = Day(random.Next(20, 60));
            var to = from.AddDays(random.Next(28, 56));
            steps.Add((to, (a, now) => a.RecordException(ExceptionReason.AbsentFromArea, [StatutoryStep.FinalPlan], null, from, to,
                "The family were away from the area and assessment appointments could not take place.", Generator, now)));
        }

        steps.Add((issueDecision, (a, now) => a.DecideToIssue(issueDecision, string.Empty, Generator, now)));
        steps.Add((served, (a, now) => a.ServeDraftPlan(served, Generator, now)));
        steps.Add((final, (a, now) => a.IssueFinalPlan(final, null, Generator, now)));
        return steps;
    }

    /// <summary>The days from the request to the final plan for each timing (20 weeks is day 140).</summary>
    private static (int From, int To) FinalPlanDays(PlanTiming timing) => timing switch
    {
        PlanTiming.Within20Weeks => (100, 140),
        PlanTiming.UnderAYear => (141, 364),
        // Day 367 on: a year from a date in a leap year can be 366 days.
        _ => (367, 479),
    };

    private static int MiddleFinalPlanDay(PlanTiming timing)
    {
        var (from, to) = FinalPlanDays(timing);
        return (from + to + 1) / 2;
    }

    /// <summary>Advice arrives over some weeks, and always before the draft plan is served.</summary>
    private static void AddAdviceReceipts(List<(DateOnly, Action<EhcCase, DateTimeOffset>)> steps, DateOnly requested, DateOnly before, Random random)
    {
        for (var i = 0; i < AdviceKinds.Length; i++)
        {
            var index = i;
            var day = Min(requested.AddDays(random.Next(20, 56)), before.AddDays(-1));
            day = Max(day, requested);
            steps.Add((day, (a, now) => a.RecordAdviceReceived(a.AdviceRequests[index].Id, day, Generator, now)));
        }
    }

    private static int Age(IReadOnlyList<(int Age, int Requests)>? ages, Random random)
    {
        if (ages is null || ages.Count == 0)
        {
            return random.Next(3, 16);
        }

        var pick = random.Next(ages.Sum(a => a.Requests));
        foreach (var (age, requests) in ages)
        {
            pick -= requests;
            if (pick < 0)
            {
                return age == 2 ? random.Next(0, 3) : age == 20 ? random.Next(20, 24) : age;
            }
        }

        return ages[^1].Age;
    }

    /// <summary>HashCode is randomised per process, so seeds come from a fixed hash: the same seed, the same cases, on any machine.</summary>
    private static int StableSeed(string key) => BitConverter.ToInt32(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))) & int.MaxValue;

    /// <summary>
    /// A case's key, the same for a seed and in load order: the LA's code and the case's sequence in
    /// its first 48 bits, then the seed's random bits, as a vendor-specific UUID (version 8, RFC 9562).
    /// Like the service's own time-ordered keys (<see cref="Domain.Common.RecordId"/>), each case and
    /// the rows keyed by it go at the end of their indexes while England loads.
    /// </summary>
    internal static Guid OrderedId(string laCode, int sequence, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var order = ((ulong)int.Parse(laCode, System.Globalization.CultureInfo.InvariantCulture) << 28) | (uint)sequence;
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(order >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x80 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Steps are recorded as if on the day they happened, late afternoon.</summary>
    internal static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);

    internal static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    internal static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
