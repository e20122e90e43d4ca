using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Shared;

/// <summary>
/// How every page that records a step writes it: nothing when the form has errors; a refusal shown
/// against the field it concerns (the GOV.UK error summary), with nothing saved, as are a plan's
/// quality errors, each against its section; someone who may see
/// but not change it refused (403), and a case they may not see not found (404); otherwise the success banner and the page to go to next.
/// </summary>
public static class StepRecording
{
    public static Task<IActionResult> RecordStepAsync(this PageModel page, Func<CancellationToken, Task> write, Func<string, string> fieldFor,
        string successKey, string success, string redirect) =>
        page.RecordStepAsync(write, fieldFor, successKey, () => success, redirect);

    /// <summary>As above, with the success message worked out once the step is saved (from what it returned).</summary>
    public static async Task<IActionResult> RecordStepAsync(this PageModel page, Func<CancellationToken, Task> write, Func<string, string> fieldFor,
        string successKey, Func<string> success, string redirect)
    {
        if (!page.ModelState.IsValid)
        {
            return page.Page();
        }

        try
        {
            await write(page.HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            page.ModelState.AddModelError(fieldFor(refused.Code), refused.Message);
            return page.Page();
        }
        catch (PlanDefectsException defects)
        {
            // Every error the plan's quality check found, each against its section, in the error summary.
            foreach (var error in defects.Errors)
            {
                page.ModelState.AddModelError($"defect-{error.RuleCode}-{error.ItemId}", $"Section {error.Section}: {error.Message}");
            }

            return page.Page();
        }
        catch (CaseAccessDeniedException)
        {
            return page.Forbid();
        }
        catch (Data.Assessments.CaseNotFoundException)
        {
            // A case the viewer may not see is one that does not exist (decision 0005), whichever page wrote.
            return page.NotFound();
        }

        page.TempData[successKey] = success();
        return new RedirectResult(redirect);
    }
}
