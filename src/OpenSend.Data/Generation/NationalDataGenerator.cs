using System.Security.Cryptography;
using OpenSend.Data.Assessments;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Generation;

/// <summary>What to generate.</summary>
/// <param name="Scale">The fraction of England's published volumes (1 is all of England).</param>
/// <param name="Years">How many of the latest published calendar years of requests to generate.</param>
/// <param name="Seed">The same seed gives the same cases (dates, outcomes, names, ids).</param>
public sealed record GenerationOptions(double Scale, int Years, int Seed);

/// <summary>
/// Synthetic but realistic EHC needs assessments for every LA in England, calibrated per LA and year
/// from the DfE's published statistics: the number of requests, the share assessed, not assessed and
/// withdrawn, the 6-week decision rate, the share of assessments ending in a plan, the 20-week rate
/// and the plans issued after a year, and the share with a recorded exception. Outcomes are dealt by
/// quota (largest remainder), not drawn at random, so even a small LA matches its published rates to
/// within one case. Every case is built through the domain's own named steps, so it is a legal
/// history; requests from the last six months are still open, at every stage. Names are invented.
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

    private static readonly Actor Generator = new("generator", "Synthetic data generator", "System", null);

    /// <summary>The calendar years generated: the latest published ones, plus the current year's open work.</summary>
    public IReadOnlyList<int> PublishedYears => statistics.YearsPublished.TakeLast(options.Years).ToList();

    /// <summary>Generated references are "{LA}-{year}-G{sequence}"; the G keeps them apart from the service's own.</summary>
    public static string GeneratedReferencePattern(string laCode) => $"{laCode}-____-G%";

    /// <summary>Whether the statistics publish anything for this LA in the generated years (LAs that no longer exist, or not yet, are skipped).</summary>
    public bool Covers(LocalAuthority la) => PublishedYears.Any(year => statistics.For(la.Code, year) is not null);

    /// <summary>How many requests each LA gets in each generated year (before the current year's open work).</summary>
    public int Planned(PublishedYear published) => (int)Math.Round((published.RequestsReceived ?? 0) * options.Scale, MidpointRounding.AwayFromZero);

    /// <summary>Every generated case for one LA, in order; streamed, so memory stays bounded.</summary>
    public IEnumerable<EhcNeedsAssessment> For(LocalAuthority la)
    {
        var national = statistics.National(PublishedYears[^1]);
        var sequence = 0;
        foreach (var year in PublishedYears)
        {
            var published = statistics.For(la.Code, year);
            if (published is null)
            {
                continue;
            }

            var random = new Random(StableSeed($"{options.Seed}/{la.Code}/{year}"));
            var rates = Rates.From(published, statistics.National(year));
            var count = Planned(published);
            var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            foreach (var plan in Plan(count, rates, random, r => new DateOnly(year, 1, 1).AddDays(r.Next(0, daysInYear))))
            {
                yield return Build(la, plan, ++sequence, random, statistics.NationalAges.GetValueOrDefault(year));
            }
        }

        // Open work: requests received over the last 26 weeks at the LA's latest yearly rate.
        var latest = statistics.For(la.Code, PublishedYears[^1]);
        if (latest is not null)
        {
            var random = new Random(StableSeed($"{options.Seed}/{la.Code}/open"));
            var count = (int)Math.Round(Planned(latest) * 26 / 52.0, MidpointRounding.AwayFromZero);
            var rates = Rates.From(latest, national);
            foreach (var plan in Plan(count, rates, random, r => today.AddDays(-r.Next(0, 26 * 7))))
            {
                yield return Build(la, plan, ++sequence, random, statistics.NationalAges.GetValueOrDefault(PublishedYears[^1]));
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

    private EhcNeedsAssessment Build(LocalAuthority la, CasePlan plan, int sequence, Random random, IReadOnlyList<(int Age, int Requests)>? ages)
    {
        var received = plan.Received;
        var age = Age(ages, random);
        var dateOfBirth = received.AddYears(-age).AddDays(-random.Next(0, 365));
        var youngPerson = age >= 17 && random.NextDouble() < 0.4 && CompulsorySchoolAge.IsOverCompulsorySchoolAge(dateOfBirth, received);
        var kind = youngPerson ? RequesterKind.YoungPerson : age is >= 4 and <= 16 && random.NextDouble() < 0.3 ? RequesterKind.SchoolOrCollege : RequesterKind.Parent;
        var given = GivenNames[random.Next(GivenNames.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        var id = new Guid(RandomBytes(random));
        var reference = $"{la.Code}-{received.Year}-G{sequence:D6}";
        var rules = la.RuleSetForClockStart(received);
        var assessment = EhcNeedsAssessment.Receive(id, la.Code, reference, new Child(given, family, dateOfBirth),
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

        return assessment;
    }

    /// <summary>The case's whole planned history; only the steps up to today are applied.</summary>
    private static List<(DateOnly Day, Action<EhcNeedsAssessment, DateTimeOffset> Step)> Steps(CasePlan plan, DateOnly received, Random random)
    {
        var steps = new List<(DateOnly, Action<EhcNeedsAssessment, DateTimeOffset>)>();
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

        var final = Day(plan.Timing switch
        {
            PlanTiming.Within20Weeks => random.Next(100, 141),
            PlanTiming.UnderAYear => random.Next(141, 365),
            // Day 366 on: a year from a date in a leap year can be 366 days.
            _ => random.Next(367, 480),
        });
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

    /// <summary>Advice arrives over some weeks, and always before the draft plan is served.</summary>
    private static void AddAdviceReceipts(List<(DateOnly, Action<EhcNeedsAssessment, DateTimeOffset>)> steps, DateOnly requested, DateOnly before, Random random)
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

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Steps are recorded as if on the day they happened, late afternoon.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
