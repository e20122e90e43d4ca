using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Web.Assessments;
using OpenSend.Web.Problems;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Placements;

public sealed record SettingContract(
    string Urn, string Name, SettingSource Source, string? LaCode, int? TypeCode, string TypeName, SettingCategory Category, SettingStatus Status,
    string Phase, int? LowAge, int? HighAge, IReadOnlyList<Sen2NeedType> CatersFor, SpecialistProvision SpecialistProvision, bool Section41Approved,
    string? Ukprn, string? Postcode, int? Easting, int? Northing, string? PredecessorUrn, double? DistanceKm)
{
    public static SettingContract From(Setting s, double? distanceKm = null) => new(s.Urn, s.Name, s.Source, s.LaCode, s.TypeCode, s.TypeName, s.Category, s.Status,
        s.Phase, s.LowAge, s.HighAge, s.CatersFor, s.Specialist, s.Section41Approved, s.Ukprn, s.Postcode, s.Easting, s.Northing, s.PredecessorUrn, distanceKm);
}

public sealed record SettingSearchContract(int Total, int Page, int PageCount, string? FromPostcode, string? FromPrecision, IReadOnlyList<SettingContract> Settings);

public sealed record ListEntryContract(string Urn, string Name, ListTier Tier, double? DistanceKm, int? PlacesAvailable, string Why, string? AddedByCouncilBecause);

public sealed record NamedContract(string Urn, string Name, DateOnly DecidedOn, string? Reasons);

public sealed record TailoredListContract(Guid AssessmentId, Sen2NeedType? PrimaryNeed, DateOnly StartsOn, double MaxDistanceKm, DateOnly ProposedOn, DateOnly? SharedOn,
    IReadOnlyList<ListEntryContract> Settings, NamedContract? Named);

public sealed record ConsultationContract(DateOnly SentOn, DateOnly DueBy, ConsultationResponse? Response, string? Reasons, DateOnly? RespondedOn);

public sealed record GroundContract(NamingGround Ground, string Evidence);

public sealed record PreferenceContract(Guid Id, int Rank, PreferenceSource Source, string Urn, string Name, bool FromList, string? Reasons,
    ConsultationContract? Consultation, IReadOnlyList<GroundContract> Grounds, string? ReasonableSteps);

public sealed record PreferenceRequest(string? Urn, string? Reasons);

public sealed record PreferencesRequest(IReadOnlyList<PreferenceRequest>? Preferences);

/// <summary>
/// The settings register (public, like GIAS itself), a child's tailored list and preferences (for
/// those who may see the case; the family once the list is shared), and the family's ranking. The
/// same services as the pages; refusals are problem details.
/// </summary>
public static class PlacementEndpoints
{
    public static void MapPlacementEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings").WithTags("Settings");
        settings.MapGet("", Search).WithSummary("Search the settings register: ?q= (name, URN or UKPRN), category, phase, need (SEN2 code), postcode, withinKm, includeClosed, page")
            .ProducesValidationProblem();
        settings.MapGet("/{urn}", One).WithSummary("One setting in the register");

        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("Placements").RequireAuthorization()
            .AddEndpointFilter(CaseAccessFilter.Require(CaseAccessLevel.Read));
        cases.MapGet("/tailored-list", TailoredList).WithSummary("The child's tailored list of suitable settings, mainstream first, with places free now");
        cases.MapGet("/preferences", Preferences).WithSummary("The family's preferences in order, each with its consultation and any ground for not naming it");
        cases.MapPost("/preferences", Express).WithSummary("The family's preferences in order (or the council's record of them), replacing any given before")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<SettingSearchContract>, ValidationProblem>> Search(string? q, string? category, string? phase, string? need, string? postcode,
        double? withinKm, bool? includeClosed, int? page, SettingsRegister register, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SettingCategory? parsedCategory = null;
        if (category is not null)
        {
            var categories = Enum.GetValues<SettingCategory>().ToDictionary(c => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString()), c => c);
            if (categories.TryGetValue(category, out var c))
            {
                parsedCategory = c;
            }
            else
            {
                errors["category"] = [$"Give category as one of: {string.Join(", ", categories.Keys)}."];
            }
        }

        Sen2NeedType? parsedNeed = null;
        if (need is not null)
        {
            if (Enum.TryParse<Sen2NeedType>(need, ignoreCase: true, out var n) && Enum.IsDefined(n))
            {
                parsedNeed = n;
            }
            else
            {
                errors["need"] = [$"Give need as a SEN2 need type: {string.Join(", ", Enum.GetNames<Sen2NeedType>())}."];
            }
        }

        if (withinKm is < 1 or > 200)
        {
            errors["withinKm"] = ["Give withinKm from 1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "One or more parameters are not valid");
        }

        var found = await register.SearchAsync(new SettingSearch(q, parsedCategory, phase, parsedNeed, postcode, withinKm, includeClosed ?? false, page ?? 1), cancellationToken);
        if (found.PostcodeNotFound is { } missing)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["postcode"] = [$"No settings are recorded near {missing}."] }, title: "The postcode could not be placed");
        }

        return TypedResults.Ok(new SettingSearchContract(found.Total, found.Page, found.PageCount, found.From?.Postcode, found.From?.Precision,
            found.Rows.Select(r => SettingContract.From(r.Setting, r.DistanceKm)).ToList()));
    }

    private static async Task<Results<Ok<SettingContract>, ProblemHttpResult>> One(string urn, HttpContext http, SettingsRegister register, CancellationToken cancellationToken) =>
        await register.GetAsync(http.ToRequestContext(), urn, cancellationToken) is { } details
            ? TypedResults.Ok(SettingContract.From(details.Setting))
            : TypedResults.Problem(ApiProblems.NotFound("setting-not-found", $"There is no setting with URN {urn} in the register."));

    private static async Task<Results<Ok<TailoredListContract>, ProblemHttpResult>> TailoredList(Guid id, HttpContext http, PlacementNaming naming, CancellationToken cancellationToken)
    {
        var viewed = await naming.GetAsync(http.ToRequestContext(), id, cancellationToken);
        if (viewed.Placement is not { } p)
        {
            return TypedResults.Problem(ApiProblems.NotFound("tailored-list-not-found", "No tailored list has been shared for this child yet."));
        }

        return TypedResults.Ok(new TailoredListContract(id, p.PrimaryNeed, p.StartsOn, p.MaxDistanceKm, p.ListProposedOn, p.ListSharedOn,
            p.Listed.Select(e => new ListEntryContract(e.Urn, e.Name, e.Tier, e.DistanceKm, viewed.AvailableAt(e.Urn), e.Why, e.AddedReason)).ToList(),
            p.IsDecided ? new NamedContract(p.NamedUrn!, p.NamedName!, p.DecidedOn!.Value, p.DecisionReasons) : null));
    }

    private static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ProblemHttpResult>> Preferences(Guid id, HttpContext http, PlacementNaming naming, CancellationToken cancellationToken)
    {
        var viewed = await naming.GetAsync(http.ToRequestContext(), id, cancellationToken);
        return viewed.Placement is { } p
            ? TypedResults.Ok(Contracts(p))
            : TypedResults.Problem(ApiProblems.NotFound("tailored-list-not-found", "No tailored list has been shared for this child yet."));
    }

    private static async Task<Results<Ok<IReadOnlyList<PreferenceContract>>, ValidationProblem>> Express(Guid id, PreferencesRequest body, HttpContext http, PlacementNaming naming, CancellationToken cancellationToken)
    {
        var preferences = body.Preferences ?? [];
        var missing = preferences.Select((p, i) => (p, i)).Where(x => Text.NullIfBlank(x.p.Urn) is null).Select(x => x.i).ToList();
        if (preferences.Count == 0 || missing.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["preferences"] = [preferences.Count == 0 ? "Give at least one preference: [{\"urn\": \"100000\", \"reasons\": \"...\"}], first choice first." : $"Give the URN of every preference (missing at {string.Join(", ", missing)})."],
            }, title: "The preferences are not valid");
        }

        var context = http.ToRequestContext();
        await naming.ExpressPreferencesAsync(context, id, preferences.Select(p => (p.Urn!.Trim(), p.Reasons)).ToList(), cancellationToken: cancellationToken);
        return TypedResults.Ok(Contracts((await naming.GetAsync(context, id, cancellationToken)).Placement!));
    }

    private static IReadOnlyList<PreferenceContract> Contracts(Placement p) => p.Preferences.OrderBy(x => x.Rank).Select(x => new PreferenceContract(
        x.Id, x.Rank, x.Source, x.Urn, x.Name, x.FromList, x.Reasons,
        x.ConsultationSentOn is { } sent ? new ConsultationContract(sent, x.ConsultationDueBy!.Value, x.Response, x.ResponseReasons, x.RespondedOn) : null,
        x.Grounds.Select(g => new GroundContract(g.Ground, g.Evidence)).ToList(), x.ReasonableSteps)).ToList();
}
