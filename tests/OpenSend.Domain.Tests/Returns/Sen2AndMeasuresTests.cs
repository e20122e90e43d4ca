using System.Xml.Linq;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;

namespace OpenSend.Domain.Tests.Returns;

/// <summary>The SEN2 return's checks and XML, and each live dashboard measure on a small return whose answers are worked out by hand.</summary>
public sealed class Sen2AndMeasuresTests
{
    private static readonly DateOnly Census = new(2025, 1, 16);

    private static Sen2Setting At(string urn) => new(urn, null, null, 1, false, false);

    private static Sen2Plan Plan(DateOnly start, Sen2NeedType need, string urn, Sen2ActivePlan? active, DateOnly? ceased = null, int? reason = null) =>
        new(start, false, false, false, false, ceased, reason, [At(urn)], active, [At(urn) with { EntryDate = start }], [new Sen2Need(need, 1)]);

    private static Sen2Request Request(DateOnly received, Sen2RequestOutcome? outcome, DateOnly? decided, Sen2Assessment? assessment = null) =>
        new(received, Sen2RequestSource.P, false, outcome, decided, false, false, false, assessment);

    private static Sen2Assessment Issued(DateOnly on, Sen2Plan plan, bool exception = false) => new(Sen2AssessmentOutcome.Y, on, false, false, false, false, exception, plan);

    private static Sen2Person Person(string name, Sex? sex, string? ethnicity, DateOnly born, params Sen2Request[] requests) =>
        new(name, "Test", born, sex, ethnicity, null, null, null, "UN5", requests);

    /// <summary>
    /// 2024, census 16 January 2025. P1: decided in 4 weeks, plan in 19 weeks, reviewed and decided in 19 days. P2: decided in 8 weeks,
    /// plan in 30 weeks (an exception applied), at a special school. P3: refused in 5 weeks. P4: asked in 2023, plan after 53 weeks,
    /// ceased in December because needs were met. P5: waiting for a decision.
    /// </summary>
    private static Sen2Return Return()
    {
        var p1 = Person("P1", Sex.Female, "WBRI", new DateOnly(2015, 3, 1),
            Request(new DateOnly(2024, 1, 8), Sen2RequestOutcome.A, new DateOnly(2024, 2, 5),
                Issued(new DateOnly(2024, 5, 20), Plan(new DateOnly(2024, 5, 20), Sen2NeedType.ASD, "S1", new Sen2ActivePlan(null, new DateOnly(2024, 11, 1), "M", new DateOnly(2024, 11, 20), null, null, null)))));
        var p2 = Person("P2", Sex.Male, "APKN", new DateOnly(2012, 6, 1),
            Request(new DateOnly(2024, 2, 1), Sen2RequestOutcome.A, new DateOnly(2024, 3, 30),
                Issued(new DateOnly(2024, 8, 29), Plan(new DateOnly(2024, 8, 29), Sen2NeedType.SEMH, "S2", new Sen2ActivePlan(null, null, null, null, null, null, null)), exception: true)));
        var p3 = Person("P3", Sex.Male, "WBRI", new DateOnly(2019, 9, 1), Request(new DateOnly(2024, 3, 1), Sen2RequestOutcome.N, new DateOnly(2024, 4, 5)));
        var p4 = Person("P4", Sex.Female, "BAFR", new DateOnly(2008, 1, 1),
            Request(new DateOnly(2023, 1, 10), Sen2RequestOutcome.A, new DateOnly(2023, 2, 10),
                Issued(new DateOnly(2024, 1, 15), Plan(new DateOnly(2024, 1, 15), Sen2NeedType.MLD, "S1", null, new DateOnly(2024, 12, 1), 2))));
        var p5 = Person("P5", null, null, new DateOnly(2016, 1, 1), Request(new DateOnly(2024, 6, 1), null, null));
        return new Sen2Return(new Sen2Header(2025, Census, "999", "OpenSEND", "1.0.0", 1, new DateTimeOffset(2025, 1, 20, 9, 0, 0, TimeSpan.Zero), true, false, null), [p1, p2, p3, p4, p5]);
    }

    private static LiveData Live(Sen2Return sen2) => new(sen2, s => s.Urn == "S2" ? PlacementType.Special : PlacementType.Mainstream, []);

    [Theory]
    [InlineData("requests-decided-within-6-weeks", 2, 3, 66.7)]
    [InlineData("plans-within-20-weeks", 1, 3, 33.3)]
    [InlineData("plans-within-20-weeks-excluding-exceptions", 1, 2, 50.0)]
    [InlineData("plans-20-to-52-weeks", 1, 3, 33.3)]
    [InlineData("plans-over-a-year", 1, 3, 33.3)]
    [InlineData("review-decisions-within-4-weeks", 1, 1, 100.0)]
    [InlineData("requests-assessed", 2, 3, 66.7)]
    [InlineData("ceased-needs-met", 1, 1, 100.0)]
    [InlineData("plans-in-mainstream", 1, 2, 50.0)]
    public void ARate_CountsWhatItsDefinitionSays(string measure, int numerator, int denominator, double value)
    {
        var figure = MeasureCalculator.Compute(Measures.Get(measure), Live(Return()), suppress: false);

        Assert.Equal(((decimal)numerator, (decimal?)denominator, (decimal?)value, FigureSource.Live), (figure.Numerator!.Value, figure.Denominator, figure.Value, figure.Source));
    }

    [Theory]
    [InlineData("requests-received", 4)]
    [InlineData("active-plans", 2)]
    [InlineData("reviews-overdue", 0)]
    public void ACount_CountsWhatItsDefinitionSays(string measure, int count) =>
        Assert.Equal(count, MeasureCalculator.Compute(Measures.Get(measure), Live(Return()), suppress: false).Value);

    /// <summary>Issue 20 point 20: P6's plan was made by Kent (886) on 3 June 2024 and moved here on 1 September; it is in force here, but neither a request to this LA nor a new plan of its own.</summary>
    [Fact]
    public void APlanTransferredIn_IsInForce_ButNotANewRequestOrANewPlan()
    {
        var p6 = Person("P6", Sex.Male, "WBRI", new DateOnly(2014, 4, 1),
            Request(new DateOnly(2024, 6, 3), Sen2RequestOutcome.A, new DateOnly(2024, 6, 3),
                Issued(new DateOnly(2024, 6, 3), Plan(new DateOnly(2024, 6, 3), Sen2NeedType.SLCN, "S1", new Sen2ActivePlan("886", null, null, null, null, null, null)))));
        var whole = Return();
        var withTransfer = whole with { Persons = [.. whole.Persons, p6] };

        int? Count(Sen2Return sen2, string measure) => (int?)MeasureCalculator.Compute(Measures.Get(measure), Live(sen2), suppress: false).Value;
        decimal? Denominator(Sen2Return sen2, string measure) => MeasureCalculator.Compute(Measures.Get(measure), Live(sen2), suppress: false).Denominator;

        Assert.Equal((4, 3), (Count(withTransfer, "requests-received"), Count(withTransfer, "active-plans")));
        Assert.Equal((3m, 3m), (Denominator(withTransfer, "requests-decided-within-6-weeks")!.Value, Denominator(withTransfer, "plans-within-20-weeks")!.Value));
    }

    [Fact]
    public void TwoLasTogether_CountEveryChildOnce_NotTheAverageOfTheirRates()
    {
        var whole = Return();
        var first = whole with { Persons = whole.Persons.Take(1).ToList() };
        var rest = whole with { Persons = whole.Persons.Skip(1).ToList() };
        var measure = Measures.Get("plans-within-20-weeks");

        var together = MeasureCalculator.Total(measure, [MeasureCalculator.Compute(measure, Live(first), false), MeasureCalculator.Compute(measure, Live(rest), false)], suppress: false);
        var averaged = MeasureCalculator.AverageOf([MeasureCalculator.Compute(measure, Live(first), false), MeasureCalculator.Compute(measure, Live(rest), false)]);

        Assert.Equal(MeasureCalculator.Compute(measure, Live(whole), false), together);
        Assert.Equal((1m, (decimal?)3m, (decimal?)33.3m), (together.Numerator!.Value, together.Denominator, together.Value));
        Assert.NotEqual(together.Value, averaged.Value);
        Assert.Throws<ArgumentException>(() => MeasureCalculator.Total(measure, [MeasureCalculator.Compute(measure, Live(first), suppress: true)], false));
    }

    [Fact]
    public void ABreakdown_SplitsTheSameUnits_AndSmallCountsAreSuppressedOutsideTheLa()
    {
        var bySex = MeasureCalculator.ComputeBy(Measures.Get("active-plans"), Live(Return()), Breakdown.Sex, suppress: false);
        var byNeed = MeasureCalculator.ComputeBy(Measures.Get("active-plans"), Live(Return()), Breakdown.PrimaryNeed, suppress: false);
        var outside = MeasureCalculator.Compute(Measures.Get("active-plans"), Live(Return()), suppress: true);
        var rateOutside = MeasureCalculator.Compute(Measures.Get("plans-within-20-weeks"), Live(Return()), suppress: true);

        Assert.Equal([("Female", 1m), ("Male", 1m)], bySex.Select(b => (b.Group, b.Figure.Value!.Value)));
        Assert.Equal(["ASD", "SEMH"], byNeed.Select(b => b.Group));
        Assert.Equal(("c", (decimal?)null), (outside.Suppressed, outside.Value));
        Assert.Equal("c", rateOutside.Suppressed);
        Assert.Equal(new Figure(250m, 25m, 1000m, FigureSource.Published), MeasureCalculator.FromCounts(MeasureKind.PerTenThousand, 25, 1000, FigureSource.Published, true));
    }

    [Fact]
    public void EveryGreenPaperExample_IsAMeasure_AndEveryMeasureHasASource()
    {
        string[] examples =
        [
            "Attainment", "Absence", "Tribunal appeal rates", "Proportion of children with SEN excluded",
            "Percentage of young people with SEN in employment, apprenticeships or higher education after 16 to 18", "Proportions by type of need",
            "Percentage of pupils with EHC plans", "Timeliness of assessments", "Community health waiting times", "High-needs spend",
            "High-needs surplus or deficit", "Percentage of spend on in-area versus out-of-area provision",
        ];

        Assert.Equal(examples.Order(), Measures.All.Select(m => m.GreenPaperExample).OfType<string>().Order());
        Assert.All(Measures.All, m => Assert.True(m.Live is not null || m.Published is not null || m.External is not null, $"{m.Id} has no source"));
        Assert.Equal(Measures.All.Count, Measures.All.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void TheXml_ReadsBackToTheSameReturn()
    {
        var sen2 = Return();

        var xml = Sen2Xml.Write(sen2).ToString();
        var back = Sen2Xml.Read(XDocument.Parse(xml));

        Assert.Equal(xml, Sen2Xml.Write(back).ToString());
        Assert.Equal(5, back.Persons.Count);
        Assert.Equal(sen2.Header, back.Header);
        Assert.Contains("<SEN2>", xml);
        Assert.Contains("<Week20>1</Week20>", xml);
        Assert.Equal(Sen2NeedType.SEMH, back.Persons[1].Requests[0].Assessment!.Plan!.Needs[0].Type);
    }

    [Fact]
    public void TheChecks_BlockErrors_AndQueryWhatIsMissing()
    {
        var good = Return();
        var badPlan = Plan(new DateOnly(2024, 5, 20), Sen2NeedType.ASD, "S1", new Sen2ActivePlan(null, null, null, null, null, null, null)) with { Needs = [], PlanSettings = [new Sen2Setting(null, null, null, 1, false, false)] };
        var bad = good with
        {
            Persons =
            [
                Person("Q1", Sex.Male, "WBRI", new DateOnly(2015, 1, 1), Request(new DateOnly(2024, 3, 1), Sen2RequestOutcome.A, new DateOnly(2024, 2, 1), Issued(new DateOnly(2024, 5, 20), badPlan))),
                Person("Q2", null, null, new DateOnly(2014, 1, 1), Request(new DateOnly(2023, 1, 10), Sen2RequestOutcome.A, new DateOnly(2023, 2, 1),
                    Issued(new DateOnly(2023, 5, 1), Plan(new DateOnly(2023, 5, 1), Sen2NeedType.HI, "S1", null, new DateOnly(2024, 6, 1), null)))),
            ],
        };

        var findings = Sen2Validation.Check(bad);

        Assert.DoesNotContain(Sen2Validation.Check(good), f => f.Severity == Sen2Severity.Error);
        Assert.Equal(["cease-reason-missing", "dates-out-of-order", "primary-need-missing", "setting-missing"],
            findings.Where(f => f.Severity == Sen2Severity.Error).Select(f => f.Code).Distinct().Order());
        Assert.Contains(findings, f => f is { Severity: Sen2Severity.Query, Code: "sex-unknown", Person: var who } && who.StartsWith("Test Q2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A999000000000", false)]
    [InlineData("12345", false)]
    public void AUpn_NeedsItsShapeAndCheckLetter(string upn, bool valid) => Assert.Equal(valid, ChildDetails.IsUpn(upn));

    [Fact]
    public void AUpnAndUln_MadeWithTheirCheckCharacters_AreValid_AndOneCharacterChangedIsNot()
    {
        // The weighted sum of "999123456789" is 2·9+3·9+4·9+5·1+6·2+7·3+8·4+9·5+10·6+11·7+12·8+13·9 = 546; 546 mod 23 = 17, the letter U (I, O and S are not used).
        Assert.True(ChildDetails.IsUpn("U999123456789"));
        Assert.False(ChildDetails.IsUpn("U999123456788"));
        // 1000000000 sums to 10, 10 - (10 mod 11) = 0, so the check digit is 0.
        Assert.True(ChildDetails.IsUln("1000000000"));
        Assert.False(ChildDetails.IsUln("1000000001"));
        var refused = Assert.Throws<StepRefusedException>(() => new ChildDetails(Sex.Male, "WBRI", null, "U999123456788", null, null).Validated());
        Assert.Equal("upn", refused.Code);
    }
}
