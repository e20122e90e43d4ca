using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// Shared by the pages that change a case (its statutory steps, who can see it): loads the case within the caseworker's LA
/// (404 for anything else), calls the application service, and shows a refusal in the GOV.UK
/// error summary against the field it concerns. Nothing is saved when a step is refused.
/// </summary>
public abstract class CaseStepPage(AssessmentQueries queries, TimeProvider time) : PageModel
{
    public const string SuccessKey = "case.success";

    protected AssessmentQueries Queries { get; } = queries;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public EhcCase Case { get; private set; } = default!;

    public abstract string Title { get; }

    public DateOnly Today => UkCalendar.Today(time);

    public string CaseLink => $"/cases/{Id}";

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>The steps this page records; the page is offered only when one is allowed (none: any stage).</summary>
    protected abstract PathwayAction[] Actions { get; }

    /// <summary>The field a refusal is shown against (by refusal code); the date field by default.</summary>
    protected abstract string DateField { get; }

    protected virtual string FieldFor(string refusalCode) => DateField;

    /// <summary>Loads the case; null when the page can be shown, otherwise where to go instead.</summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        ViewedCase viewed;
        try
        {
            viewed = await Queries.GetCaseAsync(Context, Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        // Only the responsible LA's SEND staff record the statutory steps.
        if (!viewed.CanManage)
        {
            return Forbid();
        }

        Case = viewed.Assessment;
        return Actions.Length == 0 || Actions.Any(a => PathwayTransitions.IsAllowed(Case.Stage, a)) ? null : Redirect(CaseLink);
    }

    protected Task<IActionResult> RecordAsync(Func<RequestContext, CancellationToken, Task> write, string success) =>
        this.RecordStepAsync(ct => write(Context, ct), FieldFor, SuccessKey, success, CaseLink);
}
