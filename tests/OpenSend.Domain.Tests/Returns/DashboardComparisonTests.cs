using OpenSend.Domain.Dashboard;

namespace OpenSend.Domain.Tests.Returns;

/// <summary>How the dashboard sets an LA beside others: its neighbours' average, shares of a whole, published groups lined up with live ones, and which way is worse.</summary>
public sealed class DashboardComparisonTests
{
    private static Figure Shown(decimal value, FigureSource source = FigureSource.Published) => new(value, null, null, source);

    private static readonly Figure Withheld = new(null, null, null, FigureSource.Published, "c");

    [Fact]
    public void TheNeighboursAverage_IsTheMeanOfTheFiguresShown_LeavingOutWithheldOnesRatherThanCountingThemAsZero()
    {
        var average = MeasureCalculator.AverageOf([Shown(40m), Shown(50m), Withheld, Shown(61m), Figure.NoData]);

        // (40 + 50 + 61) / 3 = 50.33…, rounded to one place; the denominator says how many were averaged.
        Assert.Equal((50.3m, (decimal?)3m, FigureSource.Published), (average.Value!.Value, average.Denominator, average.Source));
    }

    [Fact]
    public void TheNeighboursAverage_IsWithheld_WhenEveryNeighbourIsWithheld_AndNoDataWhenNoneHasData()
    {
        Assert.Equal("c", MeasureCalculator.AverageOf([Withheld, Withheld]).Suppressed);
        Assert.Equal(Figure.NoData, MeasureCalculator.AverageOf([Figure.NoData]));
        Assert.Equal(FigureSource.Live, MeasureCalculator.AverageOf([Shown(1m, FigureSource.Live), Shown(2m, FigureSource.Live), Shown(3m)]).Source);
    }

    [Fact]
    public void AShare_IsTheGroupOverTheWhole_AndNothingWhenEitherIsWithheld()
    {
        Assert.Equal(71.0m, MeasureCalculator.ShareOf(Shown(14_653m), Shown(20_635m)));
        Assert.Null(MeasureCalculator.ShareOf(Withheld, Shown(20_635m)));
        Assert.Null(MeasureCalculator.ShareOf(Shown(3m), Shown(0m)));
    }

    [Theory]
    [InlineData(Breakdown.AgeBand, "age 3", "Under 5")]
    [InlineData(Breakdown.AgeBand, "Aged 2 and under", "Under 5")]
    [InlineData(Breakdown.AgeBand, "under 3", "Under 5")]
    [InlineData(Breakdown.AgeBand, "Aged 10", "5 to 10")]
    [InlineData(Breakdown.AgeBand, "age 11", "11 to 15")]
    [InlineData(Breakdown.AgeBand, "Aged 20 and over", "20 to 25")]
    [InlineData(Breakdown.AgeBand, "Age unknown", "Not known")]
    [InlineData(Breakdown.Ethnicity, "Asian - Chinese", "Asian")]
    [InlineData(Breakdown.Ethnicity, "White - Gypsy/Roma", "White")]
    [InlineData(Breakdown.Ethnicity, "Any other ethnic group", "Other")]
    [InlineData(Breakdown.Ethnicity, "Unclassified", "Not known")]
    [InlineData(Breakdown.Sex, "Male", "Male")]
    [InlineData(Breakdown.Sex, "Unknown", "Not known")]
    [InlineData(Breakdown.PlacementType, "Special - total", "Special")]
    [InlineData(Breakdown.PlacementType, "Mainstream - total", "Mainstream")]
    [InlineData(Breakdown.PlacementType, "Special - independent", null)]
    public void APublishedGroup_LinesUpWithTheGroupLiveFiguresUse(Breakdown breakdown, string published, string? group) =>
        Assert.Equal(group, Breakdowns.PublishedGroup(breakdown, published));

    [Fact]
    public void Groups_AreInAReadersOrder_AgeBandsYoungestFirst_NotKnownLast()
    {
        var bands = Breakdowns.Ordered(Breakdown.AgeBand, new[] { "20 to 25", "Not known", "5 to 10", "Under 5", "11 to 15" }.Select(g => new BreakdownFigure(g, Figure.NoData)));
        var ethnicities = Breakdowns.Ordered(Breakdown.Ethnicity, new[] { "White", "Not known", "Asian", "Mixed" }.Select(g => new BreakdownFigure(g, Figure.NoData)));

        Assert.Equal(["Under 5", "5 to 10", "11 to 15", "20 to 25", "Not known"], bands.Select(b => b.Group));
        Assert.Equal(["Asian", "Mixed", "White", "Not known"], ethnicities.Select(b => b.Group));
    }

    [Fact]
    public void AGapToEngland_IsWorseOnlyInTheMeasuresOwnDirection_AndNeverForAMeasureThatDescribesTheArea()
    {
        var timeliness = Measures.Get("plans-within-20-weeks");
        var overAYear = Measures.Get("plans-over-a-year");
        var mainstream = Measures.Get("plans-in-special");

        Assert.Equal((-13.6m, true), MeasureCalculator.GapToEngland(timeliness, Shown(32.3m), Shown(45.9m)));
        Assert.Equal((5m, true), MeasureCalculator.GapToEngland(overAYear, Shown(15m), Shown(10m)));
        Assert.Equal((8.6m, false), MeasureCalculator.GapToEngland(mainstream, Shown(39m), Shown(30.4m)));
        Assert.Null(MeasureCalculator.GapToEngland(timeliness, Withheld, Shown(45.9m)));
    }

    [Fact]
    public void TotalsAreNotDrawnBesideEngland_ButRatesAndAmountsPerPlanAre()
    {
        Assert.False(Measures.Get("active-plans").ComparableAcrossAreas);
        Assert.True(Measures.Get("plans-within-20-weeks").ComparableAcrossAreas);
        Assert.True(Measures.Get("high-needs-spend-per-plan").ComparableAcrossAreas);
        Assert.False(Measures.Get("high-needs-spend").ComparableAcrossAreas);
    }
}
