using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Domain.Redress;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>
/// One appeal and its next steps, recorded by the council: the tribunal sending it, the council's
/// response or its notice that it will not oppose (reg 45), the hearing, the tribunal's decision with its
/// orders (reg 44) and recommendations, and the commissioners' responses. Orders open their clocks on the case.
/// </summary>
public sealed class AppealModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid AppealId { get; set; }

    [BindProperty]
    public DateInput SentOn { get; set; } = new();

    [BindProperty]
    public DateInput ResponseOn { get; set; } = new();

    [BindProperty]
    public DateInput NotOpposedOn { get; set; } = new();

    [BindProperty]
    public DateInput HearingOn { get; set; } = new();

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public List<string> Orders { get; set; } = [];

    [BindProperty]
    public string? Detail { get; set; }

    [BindProperty]
    public string? Commissioner { get; set; }

    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public DateInput RespondedOn { get; set; } = new();

    [BindProperty]
    public string? ResponseText { get; set; }

    public TribunalAppeal Appeal { get; private set; } = default!;

    public RedressSummary Summary => new(Redress with { Mediations = [], Appeals = [Appeal], Decisions = [], Complaints = [] }, ForFamily: false, null);

    public bool Allowed(AppealAction action) => Redress.IsCouncil && Appeal.AllowedActions.Contains(action)
        && (action != AppealAction.RecordSentToCouncil || Appeal.SentToCouncilOn is null);

    public IReadOnlyList<GovUkChoice> OrderChoices => TribunalOrderText.OrdersFor(Appeal.Decision).Select(o => new GovUkChoice(o.Key(), o.Title())).ToList();

    public bool TakesRecommendations => Appeal.Sections.Any(TribunalAppeal.ExtendedSections.Contains);

    public TribunalRecommendation? Unanswered => Redress.IsCouncil ? Appeal.Recommendations.FirstOrDefault(r => r.RespondedOn is null) : null;

    public string Link => $"/cases/{Id}/redress/appeals/{AppealId}";

    public async Task<IActionResult> OnGetAsync() => await LoadAppealAsync() ?? Page();

    public Task<IActionResult> OnPostSentAsync() => StepAsync(AppealAction.RecordSentToCouncil, SentOn, nameof(SentOn), "The day the tribunal sent the appeal to the council",
        (context, on, ct) => recording.RecordAppealSentToCouncilAsync(context, Id, AppealId, on, ct), "Recorded. The council's response is due in 30 of the tribunal's working days.");

    public Task<IActionResult> OnPostResponseAsync() => StepAsync(AppealAction.RecordResponse, ResponseOn, nameof(ResponseOn), "The day the council sent its response",
        (context, on, ct) => recording.RecordAppealResponseAsync(context, Id, AppealId, on, ct), "Recorded the council's response opposing the appeal.");

    public Task<IActionResult> OnPostNotOpposingAsync() => StepAsync(AppealAction.RecordNotOpposing, NotOpposedOn, nameof(NotOpposedOn), "The day the council told the tribunal",
        (context, on, ct) => recording.RecordNotOpposingAsync(context, Id, AppealId, on, ct), "Recorded: the council will not oppose the appeal. Its time limits under regulation 45 have started.");

    public Task<IActionResult> OnPostHearingAsync() => StepAsync(AppealAction.RecordHearing, HearingOn, nameof(HearingOn), "The day of the hearing",
        (context, on, ct) => recording.RecordAppealHearingAsync(context, Id, AppealId, on, ct), "Recorded the hearing.");

    public Task<IActionResult> OnPostWithdrawAsync() => StepAsync(AppealAction.Withdraw, WithdrawnOn, nameof(WithdrawnOn), "The day the appeal was withdrawn",
        (context, on, ct) => recording.WithdrawAppealAsync(context, Id, AppealId, on, ct), "Recorded the appeal as withdrawn.");

    public Task<IActionResult> OnPostDecisionAsync()
    {
        var orders = Orders.Select(o => Enum.GetValues<TribunalOrderKind>().FirstOrDefault(k => k.Key() == o, TribunalOrderKind.Dismiss)).Where(k => k != TribunalOrderKind.Dismiss).ToList();
        IReadOnlyList<(string, string)> recommendations = string.IsNullOrWhiteSpace(Commissioner) && string.IsNullOrWhiteSpace(Recommendation) ? [] : [(Commissioner ?? "", Recommendation ?? "")];
        return StepAsync(AppealAction.RecordDecision, DecidedOn, nameof(DecidedOn), "The date of the tribunal's decision",
            (context, on, ct) => recording.RecordTribunalDecisionAsync(context, Id, AppealId, new TribunalDecision(on, orders, Detail, recommendations), ct),
            orders.Count == 0 ? "Recorded: the tribunal dismissed the appeal." : "Recorded the tribunal's decision. Its orders' time limits are on the case.");
    }

    public async Task<IActionResult> OnPostRecommendationAsync(Guid recommendationId)
    {
        if (await LoadAppealAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Redress.IsCouncil)
        {
            return Forbid();
        }

        var on = RespondedOn.Validate(ModelState, nameof(RespondedOn), "The date of the commissioner's response", notAfter: Today);
        return await RecordAsync((context, ct) => recording.RecordRecommendationResponseAsync(context, Id, AppealId, recommendationId, on!.Value, ResponseText, ct),
            code => code is "response-missing" or "response-too-long" ? nameof(ResponseText) : nameof(RespondedOn), "Recorded the commissioner's response.", Link);
    }

    private async Task<IActionResult> StepAsync(AppealAction action, DateInput date, string dateField, string what,
        Func<Data.Audit.RequestContext, DateOnly, CancellationToken, Task> write, string success)
    {
        if (await LoadAppealAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Redress.IsCouncil)
        {
            return Forbid();
        }

        if (!Allowed(action))
        {
            return Redirect(Link);
        }

        var on = date.Validate(ModelState, dateField, what, notAfter: Today);
        return await RecordAsync((context, ct) => write(context, on!.Value, ct), code => code switch
        {
            "order-not-for-this-appeal" => nameof(Orders),
            "recommendation-without-section" or "recommendation-incomplete" => nameof(Recommendation),
            "detail-too-long" => nameof(Detail),
            _ => dateField,
        }, success, Link);
    }

    private async Task<IActionResult?> LoadAppealAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var found = Redress.Appeals.FirstOrDefault(a => a.Id == AppealId);
        if (found is null)
        {
            return Redirect(Home);
        }

        Appeal = found;
        return null;
    }
}
