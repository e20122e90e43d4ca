using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Redress;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Redress;

/// <summary>The SEND manager states the council's time limits for answering each stage of a complaint; families are told them when they complain.</summary>
public sealed class ComplaintTimesModel(RedressRecording recording) : PageModel
{
    private const string SuccessKey = "complaint-times.success";

    [BindProperty]
    public string? StageOne { get; set; }

    [BindProperty]
    public string? StageTwo { get; set; }

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (one, two) = await recording.ComplaintWorkingDaysAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
        StageOne = one.ToString(CultureInfo.InvariantCulture);
        StageTwo = two.ToString(CultureInfo.InvariantCulture);
        Success = TempData[SuccessKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var one = Days(StageOne, nameof(StageOne), "stage 1");
        var two = Days(StageTwo, nameof(StageTwo), "stage 2");
        return await this.RecordStepAsync(ct => recording.SetComplaintWorkingDaysAsync(HttpContext.ToRequestContext(), one, two, ct), _ => nameof(StageOne), SuccessKey,
            $"Complaints are now answered within {one} working days at stage 1 and {two} at stage 2", "/mediation-and-appeals/complaint-times");
    }

    private int Days(string? value, string field, string stage)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= LocalAuthority.MostComplaintWorkingDays)
        {
            return days;
        }

        ModelState.AddModelError(field, $"Enter the working days to answer at {stage}, a number from 1 to {LocalAuthority.MostComplaintWorkingDays}");
        return 0;
    }
}
