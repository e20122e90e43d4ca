using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>The LA's choice of how often under-5s' plans are reviewed (SEND Code of Practice 9.178: every 3 to 6 months).</summary>
public sealed class SettingsModel(PlanReviews reviews) : PageModel
{
    [BindProperty]
    public string? Months { get; set; }

    public string? Success { get; private set; }

    public IReadOnlyList<GovUkChoice> Choices { get; } = Enumerable.Range(ReviewSchedule.ShortestUnderFivesInterval, ReviewSchedule.LongestUnderFivesInterval - ReviewSchedule.ShortestUnderFivesInterval + 1)
        .Select(m => new GovUkChoice(m.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Every {m} months")).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.ToViewer() is not { IsLaStaff: true, Role: Role.LaSendManager })
        {
            return Forbid();
        }

        Months = (await reviews.UnderFivesIntervalAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Success = TempData["review-settings.success"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.ToViewer() is not { IsLaStaff: true, Role: Role.LaSendManager })
        {
            return Forbid();
        }

        if (!int.TryParse(Months, out var months))
        {
            ModelState.AddModelError(nameof(Months), "Select how often plans of children under 5 are reviewed");
            return Page();
        }

        try
        {
            await reviews.SetUnderFivesIntervalAsync(HttpContext.ToRequestContext(), months, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(nameof(Months), refused.Message);
            return Page();
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }

        TempData["review-settings.success"] = $"Plans of children under 5 will be reviewed every {months} months";
        return Redirect("/reviews/settings");
    }
}
