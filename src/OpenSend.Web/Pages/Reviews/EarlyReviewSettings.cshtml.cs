using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Reviews;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// The SEND manager states how many days the council takes to decide on a request for an early
/// review. The law sets none, so families are told the council's own.
/// </summary>
public sealed class EarlyReviewSettingsModel(PlanReviews reviews) : PageModel
{
    private const string SuccessKey = "early-review-settings.success";

    [BindProperty]
    public string? Days { get; set; }

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Days = (await reviews.EarlyReviewDecisionDaysAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Success = TempData[SuccessKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!int.TryParse(Days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            ModelState.AddModelError(nameof(Days), $"Enter a number of days between {LocalAuthority.FewestEarlyReviewDecisionDays} and {LocalAuthority.MostEarlyReviewDecisionDays}");
            return Page();
        }

        return await this.RecordStepAsync(ct => reviews.SetEarlyReviewDecisionDaysAsync(HttpContext.ToRequestContext(), days, ct), _ => nameof(Days), SuccessKey,
            $"Requests for an early review made from now on will be decided within {days} days", "/reviews/settings/early-review");
    }
}
