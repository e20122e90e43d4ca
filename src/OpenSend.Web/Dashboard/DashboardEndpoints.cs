using OpenSend.Data.Dashboard;
using OpenSend.Domain.Dashboard;
using OpenSend.Web.Pages.Dashboard;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Dashboard;

/// <summary>
/// The dashboard's tables as CSV (dashboard.md: every chart has its table, downloadable), public
/// like the pages, from the same queries; counts under 5 are "c" except to the LA's own staff.
/// </summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/{la:regex(^[0-9]{{3}}$)}/{measure}/csv", LaTable).WithTags("Dashboard")
            .WithSummary("One measure for one LA over five years beside its statistical neighbours, region and England; ?by=sex|ethnicity|ageband|primaryneed|placementtype for the latest year's breakdown");
        app.MapGet("/dashboard/national/{measure}/csv", National).WithTags("Dashboard")
            .WithSummary("Every LA on one measure for one year (?year=), best first");
    }

    private static async Task<IResult> LaTable(string la, string measure, string? by, HttpContext http, DashboardQueries dashboard, CancellationToken cancellationToken)
    {
        var breakdown = DashboardText.ParseBreakdown(by);
        if (by is not null && breakdown is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown breakdown",
                detail: $"Give by as one of: {string.Join(", ", DashboardText.Equality.Select(b => b.Key()))}.");
        }

        if (await dashboard.MeasureAsync(http.ToRequestContext(), la, measure, breakdown ?? Breakdown.None, cancellationToken) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such local authority or measure",
                detail: $"There is no local authority {la} or no measure '{measure}'.");
        }

        var (board, panel) = found;
        return breakdown is { } b and not Breakdown.None
            ? TypedResults.File(DashboardCsv.Breakdown(board, panel, b.Key()), DashboardCsv.ContentType, DashboardCsv.FileName(la, measure, b.Key()))
            : TypedResults.File(DashboardCsv.Trend(board, panel, DashboardText.NeighboursName), DashboardCsv.ContentType, DashboardCsv.FileName(la, measure));
    }

    private static async Task<IResult> National(string measure, int? year, HttpContext http, DashboardQueries dashboard, CancellationToken cancellationToken)
    {
        if (Measures.Find(measure) is not { } definition)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such measure", detail: $"There is no measure '{measure}'.");
        }

        var (rows, chosen, _, england) = await dashboard.RankAsync(http.ToRequestContext(), measure, year, cancellationToken);
        return TypedResults.File(DashboardCsv.Ranking(definition, chosen, rows, england), DashboardCsv.ContentType, DashboardCsv.FileName("england", measure, chosen));
    }
}
