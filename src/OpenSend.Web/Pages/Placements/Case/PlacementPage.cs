using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Placements;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// Shared by a case's placement pages: loads the placement within what the viewer may see (404
/// otherwise), lets only the LA's staff change it (403 otherwise, the consulted setting's answer
/// aside), and shows a refusal against the field it concerns. Nothing is saved when a step is refused.
/// </summary>
public abstract class PlacementPage(PlacementNaming naming, TimeProvider time) : PageModel
{
    public const string SuccessKey = "placement.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ViewedPlacement Viewed { get; private set; } = default!;

    public Placement? Placement => Viewed.Placement;

    public abstract string Title { get; }

    public DateOnly Today => UkCalendar.Today(time);

    public string PlacementLink => $"/cases/{Id}/placement";

    public string? Success { get; private set; }

    protected PlacementNaming Naming => naming;

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>Whether the page changes the placement (the LA's staff only) or also needs one to exist.</summary>
    protected virtual bool Manages => true;

    protected virtual bool NeedsPlacement => true;

    protected virtual string FieldFor(string refusalCode) => "Reason";

    protected async Task<IActionResult?> LoadAsync()
    {
        if (!User.ToViewer().IsStaff)
        {
            return NotFound();
        }

        try
        {
            Viewed = await naming.GetAsync(Context, Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Manages && !Viewed.CanManage)
        {
            return Forbid();
        }

        if (NeedsPlacement && (Placement is null || (Manages && Placement.IsDecided)))
        {
            return Redirect(PlacementLink);
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }

    protected Task<IActionResult> RecordAsync(Func<RequestContext, CancellationToken, Task> write, string success, string? redirect = null) =>
        this.RecordStepAsync(ct => write(Context, ct), FieldFor, SuccessKey, success, redirect ?? PlacementLink);

    protected Task<IActionResult> RecordAsync(Func<RequestContext, CancellationToken, Task> write, Func<string> success) =>
        this.RecordStepAsync(ct => write(Context, ct), FieldFor, SuccessKey, success, PlacementLink);
}
