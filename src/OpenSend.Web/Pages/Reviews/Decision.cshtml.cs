using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>Reg 20(10): the council decides to keep, amend or cease the plan within 4 weeks of the meeting, and tells the family their rights.</summary>
public sealed class DecisionModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public string? CeaseReason { get; set; }

    public override string Title => "The council's decision";

    public DateOnly DecideBy => Review.RuleSet.Rule(StatutoryStep.DecisionBy).DueFrom(Review.MeetingHeldOn!.Value);

    public IReadOnlyList<GovUkChoice> Decisions { get; } = Enum.GetValues<ReviewDecision>().Select(d => new GovUkChoice(d.ToString(), d.Title(), d switch
    {
        ReviewDecision.Maintain => "The family can appeal against a decision not to amend the plan",
        ReviewDecision.Amend => "Proposed amendments go to the family with 15 days to comment; the amended plan follows within 8 weeks",
        _ => "The plan stays in force until the time to appeal has passed or any appeal is decided",
    })).ToList();

    public IReadOnlyList<SelectListItem> CeaseReasons { get; } =
        [new SelectListItem("Not ceasing", string.Empty), .. Enum.GetValues<CeaseReason>().Select(r => new SelectListItem($"{(int)r}: {r.Title()}", r.ToString()))];

    protected override ReviewAction? Action => ReviewAction.Decide;

    protected override bool LaOnly => true;

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "decision-reasons" => nameof(Reasons),
        "cease-reason-missing" or "cease-reason-not-ceasing" => nameof(CeaseReason),
        _ => nameof(DecidedOn),
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        if (!Enum.TryParse<ReviewDecision>(Decision, out var decision))
        {
            ModelState.AddModelError(nameof(Decision), "Select the council's decision");
        }

        Domain.Reviews.CeaseReason? why = Enum.TryParse<Domain.Reviews.CeaseReason>(CeaseReason, out var parsed) ? parsed : null;
        return await RecordAsync((context, ct) => Reviews.DecideAsync(context, Id, decidedOn!.Value, decision, Reasons ?? string.Empty, why, ct),
            decision switch
            {
                ReviewDecision.Amend => "Decision recorded: amend the plan. Change the plan and issue the amended draft.",
                ReviewDecision.Cease => "Decision recorded: cease the plan. The family has been given their appeal rights.",
                _ => "Decision recorded: keep the plan. The next review has been scheduled.",
            });
    }
}
