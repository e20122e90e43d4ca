using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Returns;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Redress;

/// <summary>
/// The dashboard's redress measures (issue 23) on one LA's 2027, census 20 January 2028, worked out by hand:
/// A was refused an assessment on 15 February, declined mediation, appealed on 12 April and won an order to assess on 1 September,
/// carried out in time. B's amended plan (20 April) went to mediation (held 28 May, no agreement) and to an appeal, dismissed on
/// 15 November. C appealed only the school named in an amended plan (10 May); the council did not oppose on 15 July and amended
/// the plan late, on 1 October. D's amended plan (20 September) was mediated on 25 October with agreement in part and not appealed.
/// E appealed a refusal to issue made on 1 December 2026 and withdrew on 15 March. F's plan ceased in July because needs were met.
/// </summary>
public sealed class RedressMeasuresTests
{
    private static readonly DateOnly Census = new(2028, 1, 20);
    private static readonly DateTimeOffset Now = new(2028, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static Sen2Setting At(string urn) => new(urn, null, null, 1, false, false);

    private static Sen2Person Person(string name, Sex sex, string ethnicity, Sen2NeedType? need, Sen2ActivePlan? active = null, DateOnly? ceased = null)
    {
        var requests = need is { } n
            ? [new Sen2Request(D("2025-01-10"), Sen2RequestSource.P, false, Sen2RequestOutcome.A, D("2025-02-10"),
                false, false, false, new Sen2Assessment(Sen2AssessmentOutcome.Y, D("2025-05-20"), false, false, false, false, false,
                    new Sen2Plan(D("2025-05-20"), false, false, false, false, ceased, ceased is null ? null : 2, [At("S1")], active, [At("S1")], [new Sen2Need(n, 1)])))]
            : new[] { new Sen2Request(D("2027-01-11"), Sen2RequestSource.P, false, Sen2RequestOutcome.N, D("2027-02-15"), false, false, false, null) };
        return new Sen2Person(name, "Test", D("2014-01-01"), sex, ethnicity, null, null, null, "UN5", requests);
    }

    private static readonly Sen2ActivePlan InForce = new(null, null, null, null, null, null, null);

    private static LiveData Year2027()
    {
        var a = Person("A", Sex.Female, "WBRI", null);
        var b = Person("B", Sex.Male, "APKN", Sen2NeedType.SEMH, InForce);
        var c = Person("C", Sex.Male, "WBRI", Sen2NeedType.ASD, InForce);
        var d = Person("D", Sex.Female, "BCRB", Sen2NeedType.MLD, InForce);
        var e = Person("E", Sex.Male, "WBRI", null) with { Requests = [] };
        var f = Person("F", Sex.Female, "WBRI", Sen2NeedType.SLCN, ceased: D("2027-07-31"));
        var sen2 = new Sen2Return(new Sen2Header(2028, Census, "999", "OpenSEND", "1.0.0", 1, Now, null, null, null), [a, b, c, d, e, f]);

        var aMediation = Mediation.Begin(Guid.NewGuid(), "999", Rules, AppealableDecision.NotToAssess, D("2027-02-15"), D("2027-03-01"), Now);
        aMediation.Decline(D("2027-03-02"), Now);
        aMediation.IssueCertificate(D("2027-03-04"), Now);
        var aAppeal = TribunalAppeal.Register(aMediation.AssessmentId, "999", Rules, AppealableDecision.NotToAssess, D("2027-02-15"), [], D("2027-04-12"), null, D("2027-03-04"), null, Now);
        aAppeal.RecordDecision(D("2027-09-01"), [TribunalOrderKind.Assess], null, [], Now);

        var bMediation = Mediation.Begin(Guid.NewGuid(), "999", Rules, AppealableDecision.AmendedPlanContents, D("2027-04-20"), D("2027-05-03"), Now);
        bMediation.Arrange(D("2027-05-05"), "Section F.", null, null, false, false, Now);
        bMediation.RecordMeeting(D("2027-05-28"), MediationOutcome.NoAgreement, null, false, null, Now);
        bMediation.IssueCertificate(D("2027-06-01"), Now);
        var bAppeal = TribunalAppeal.Register(bMediation.AssessmentId, "999", Rules, AppealableDecision.AmendedPlanContents, D("2027-04-20"), [PlanSection.F], D("2027-07-01"), null, D("2027-06-01"), D("2027-05-28"), Now);
        bAppeal.RecordDecision(D("2027-11-15"), [], null, [], Now);

        var cAppeal = TribunalAppeal.Register(Guid.NewGuid(), "999", Rules, AppealableDecision.AmendedPlanContents, D("2027-05-10"), [PlanSection.I], D("2027-06-01"), null, null, null, Now);
        cAppeal.RecordNotOpposing(D("2027-07-15"), Now);

        var dMediation = Mediation.Begin(Guid.NewGuid(), "999", Rules, AppealableDecision.AmendedPlanContents, D("2027-09-20"), D("2027-10-01"), Now);
        dMediation.Arrange(D("2027-10-04"), "Section F.", null, null, false, false, Now);
        dMediation.RecordMeeting(D("2027-10-25"), MediationOutcome.PartialAgreement, "More speech and language therapy.", false, null, Now);
        dMediation.IssueCertificate(D("2027-10-27"), Now);
        var dLaterMediation = Mediation.Begin(dMediation.AssessmentId, "999", Rules, AppealableDecision.AmendedPlanContents, D("2027-12-01"), D("2027-12-06"), Now);

        var eAppeal = TribunalAppeal.Register(Guid.NewGuid(), "999", Rules, AppealableDecision.NotToIssue, D("2026-12-01"), [], D("2027-02-01"), null, D("2027-01-10"), null, Now);
        eAppeal.Withdraw(D("2027-03-15"), Now);
        var dLastYearsAppeal = TribunalAppeal.Register(dMediation.AssessmentId, "999", Rules, AppealableDecision.AmendedPlanContents, D("2026-10-01"), [PlanSection.I], D("2026-11-02"), null, null, null, Now);

        var redress = new RedressRecords(
            [new(a, aMediation, aAppeal.RegisteredOn), new(b, bMediation, bAppeal.RegisteredOn), new(d, dMediation, null), new(d, dLaterMediation, null)],
            [new(a, aAppeal, false), new(b, bAppeal, true), new(c, cAppeal, false), new(e, eAppeal, false), new(d, dLastYearsAppeal, false)],
            [
                new(a, new OrderClock(ClockAnchor.OrderToAssess, D("2027-09-01"), "Assess", NotifiedOn: D("2027-09-10"), FinalPlanOn: D("2027-10-20")), Rules),
                new(c, new OrderClock(ClockAnchor.UnopposedContents, D("2027-07-15"), "Name the school", AmendedPlanOn: D("2027-10-01")), Rules),
                new(a, new OrderClock(ClockAnchor.OrderToAssess, D("2027-12-20"), "Assess again"), Rules),
            ],
            [new(d, D("2027-06-10")), new(b, D("2027-02-01")), new(c, D("2026-12-01"))]);
        return new LiveData(sen2, _ => PlacementType.Mainstream, [], null, redress);
    }

    [Theory]
    // Appeals registered in 2027 (A, B, C, E) over the appealable decisions SEN2 counts: A's refusal, the plans of B, C and D in force, F's ceased as needs were met.
    [InlineData("tribunal-appeal-rate", 4, 5, 80.0)]
    // Decided by the tribunal in 2027: A (an order) and B (dismissed); C was conceded and E withdrawn.
    [InlineData("appeals-upheld", 1, 2, 50.0)]
    // Information given in 2027: A (declined), B and D (went to mediation), D again in December (still deciding).
    [InlineData("mediation-take-up", 2, 4, 50.0)]
    // Held in 2027: B (no agreement) and D (in part).
    [InlineData("mediation-agreement", 1, 2, 50.0)]
    [InlineData("appeals-after-mediation", 1, 2, 50.0)]
    // A's order: told by 15 September, plan by 8 December, both in time; C's: amend by 19 August, done 1 October. The order of 20 December runs into 2028.
    [InlineData("orders-on-time", 1, 2, 50.0)]
    // Two complaints in 2027 over 3 plans in force on census day.
    [InlineData("complaints-per-1000-plans", 2, 3, 666.7)]
    // Appeals ended in 2027: E withdrew. D's mediation certificate (27 October) let it appeal until 29 November; it did not, agreeing only in part.
    [InlineData("redress-drop-out", 2, 5, 40.0)]
    public void ARedressMeasure_CountsWhatItsDefinitionSays(string measure, int numerator, int denominator, double value)
    {
        var figure = MeasureCalculator.Compute(Measures.Get(measure), Year2027(), suppress: false);

        Assert.Equal(((decimal)numerator, (decimal?)denominator, (decimal?)value), (figure.Numerator!.Value, figure.Denominator, figure.Value));
    }

    /// <summary>From the decision to the appeal's end: A 198 days, B 209, C 66, E 104; 577 days over 4 appeals is 20.6 weeks.</summary>
    [Fact]
    public void TimeInRedress_IsTheAverageWeeksFromTheDecisionToTheAppealsEnd()
    {
        var figure = MeasureCalculator.Compute(Measures.Get("weeks-in-redress"), Year2027(), suppress: false);

        Assert.Equal((577m, (decimal?)4m, (decimal?)20.6m), (figure.Numerator!.Value, figure.Denominator, figure.Value));
    }

    /// <summary>Drop-out by group: the women's (D's partial agreement) and the men's (E's withdrawal) are each counted with their own.</summary>
    [Fact]
    public void DropOut_BreaksDownBySexAndNeed()
    {
        var bySex = MeasureCalculator.ComputeBy(Measures.Get("redress-drop-out"), Year2027(), Breakdown.Sex, suppress: false).ToDictionary(g => g.Group, g => (g.Figure.Numerator, g.Figure.Denominator));
        var byNeed = MeasureCalculator.ComputeBy(Measures.Get("redress-drop-out"), Year2027(), Breakdown.PrimaryNeed, suppress: false).ToDictionary(g => g.Group, g => g.Figure.Numerator);

        Assert.Equal((1m, 2m), bySex["Female"]);
        Assert.Equal((1m, 3m), bySex["Male"]);
        Assert.Equal(1m, byNeed["MLD"]);
        Assert.Equal(1m, byNeed[Breakdowns.NotKnown]);
    }

    /// <summary>A region's average is every appeal's time counted together: LA totals of days and appeals added, not averages averaged.</summary>
    [Fact]
    public void AnAreasTimeInRedress_AddsItsLasDaysAndAppeals()
    {
        var measure = Measures.Get("weeks-in-redress");
        var one = MeasureCalculator.FromCounts(measure.Kind, 70, 1, FigureSource.Live, suppress: false);
        var other = MeasureCalculator.FromCounts(measure.Kind, 700, 5, FigureSource.Live, suppress: false);

        Assert.Equal(new Figure(18.3m, 770m, 6m, FigureSource.Live), MeasureCalculator.Total(measure, [one, other], suppress: false));
        Assert.Equal(10m, one.Value);
    }
}
