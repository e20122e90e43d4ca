using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// Shared by the plan's pages: loads the case's plan within what the viewer may see (404
/// otherwise), lets only the LA's staff change it (403 for readers), and turns the domain's
/// refusals into GOV.UK error messages against the field they concern. Nothing is saved when a
/// change is refused.
/// </summary>
public abstract class PlanPage(PlanQueries queries, TimeProvider time) : PageModel
{
    public const string SuccessKey = "plan.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The plan's version when the page was shown: a change made meanwhile by someone else is not overwritten.</summary>
    [BindProperty]
    public int PlanVersion { get; set; }

    public ViewedPlan Viewed { get; private set; } = default!;

    public EhcCase Case => Viewed.Assessment;

    public EhcPlan Plan => Viewed.Plan!;

    public PlanContent Working => Plan.Working;

    public abstract string Title { get; }

    public DateOnly Today => UkCalendar.Today(time);

    public string PlanLink => $"/cases/{Id}/plan";

    public string? Success { get; private set; }

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>Pages that change the plan need the LA's staff; pages that show it need only sight of the case.</summary>
    protected virtual bool ChangesThePlan => true;

    /// <summary>Pages other than the start page need a plan to exist.</summary>
    protected virtual bool NeedsPlan => true;

    protected async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Viewed = await queries.GetAsync(Context, Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (ChangesThePlan && !Viewed.CanManage)
        {
            return Forbid();
        }

        if (NeedsPlan && Viewed.Plan is null)
        {
            return Redirect(PlanLink);
        }

        if (HttpMethods.IsGet(Request.Method) && Viewed.Plan is { } plan)
        {
            PlanVersion = plan.Version;
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }

    /// <summary>Records a write through the shared step recording (StepRecording); the plan's page is next unless <paramref name="redirectTo"/> says otherwise.</summary>
    protected Task<IActionResult> WriteAsync(Func<RequestContext, CancellationToken, Task> write, string success, Func<string, string> field, string? redirectTo = null) =>
        this.RecordStepAsync(ct => write(Context, ct), field, SuccessKey, success, redirectTo ?? PlanLink);

    protected Task<IActionResult> EditAsync(PlanDrafting drafting, Func<PlanContent, PlanContent> change, AuditAction auditAction, string summary, Func<string, string> field) =>
        WriteAsync((context, ct) => drafting.EditAsync(context, Id, PlanVersion, change, auditAction, summary, ct), summary, field);

    protected static Guid? ParseId(string? value) => Guid.TryParse(value, out var id) ? id : null;

    /// <summary>
    /// The working copy's item named by <paramref name="item"/> (a page's <c>?item=</c>), handed to
    /// <paramref name="found"/>; nothing when adding a new one; 404 when it names an item not in the plan.
    /// </summary>
    protected IActionResult? FindItem<T>(string? item, IEnumerable<T> items, Func<T, Guid> id, Action<T> found)
        where T : class
    {
        if (ParseId(item) is not { } wanted)
        {
            return null;
        }

        if (items.FirstOrDefault(i => id(i) == wanted) is not { } match)
        {
            return NotFound();
        }

        found(match);
        return null;
    }
}
