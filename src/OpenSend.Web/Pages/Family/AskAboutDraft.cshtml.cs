using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's other rights on a draft (s.38(2)(b), reg 13(1)): to ask for a meeting with the
/// council and to ask for a particular school or college to be named, within the 15 days.
/// </summary>
public sealed class AskAboutDraftModel(PlanQueries queries, PlanRepresentations representations, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public bool Meeting { get; set; }

    [BindProperty]
    public string? Setting { get; set; }

    public ViewedPlan Viewed { get; private set; } = default!;

    public DateOnly ClosesOn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Meeting = Viewed.Assessment.MeetingRequested;
        Setting = Viewed.Assessment.RequestedSetting;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            await representations.AskAsync(HttpContext.ToRequestContext(), Id, Meeting, Setting, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code == "representations-empty" ? nameof(Meeting) : nameof(Setting), refused.Message);
            return Page();
        }

        TempData[DraftPlanModel.SuccessKey] = Meeting && !string.IsNullOrWhiteSpace(Setting)
            ? $"The council has your request for a meeting and for {Setting.Trim()} to be named"
            : Meeting ? "The council has your request for a meeting" : $"The council has your request for {Setting!.Trim()} to be named";
        return Redirect($"/your-requests/{Id}/draft-plan");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        if (Viewed.DraftForFamily is null || Viewed.Assessment.Stage != AssessmentStage.DraftServed || Viewed.CommentsCloseOn is not { } closes || UkCalendar.Today(time) > closes)
        {
            return Redirect($"/your-requests/{Id}/draft-plan");
        }

        ClosesOn = closes;
        return null;
    }
}
