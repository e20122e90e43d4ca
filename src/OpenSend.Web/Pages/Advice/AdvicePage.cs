using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Advice;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Advice;

/// <summary>
/// Shared by the pages where an adviser writes their advice (reg 6): loads the request within what
/// the viewer may see (404 otherwise), sends readers (the LA's staff, or the adviser once it is
/// sent) back to the advice page, and shows the domain's refusals against the field they concern.
/// Nothing is saved when a change is refused.
/// </summary>
public abstract class AdvicePage(AdviceGiving advice) : PageModel
{
    public const string SuccessKey = "advice.success";

    [BindProperty(SupportsGet = true)]
    public Guid RequestId { get; set; }

    /// <summary>The advice's version when the page was shown: a change made meanwhile by a colleague is not overwritten.</summary>
    [BindProperty]
    public int AdviceVersion { get; set; }

    public AdviceInProgress Advice { get; private set; } = default!;

    public abstract string Title { get; }

    public string AdviceLink => $"/advice/{RequestId}";

    public string? Success { get; private set; }

    protected AdviceGiving Giving => advice;

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>Pages that change the advice need its adviser, before it is sent.</summary>
    protected virtual bool ChangesTheAdvice => true;

    protected async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Advice = await advice.GetAsync(Context, RequestId, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (ChangesTheAdvice && !Advice.CanWrite)
        {
            return Redirect(AdviceLink);
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            AdviceVersion = Advice.Version;
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }

    /// <summary>Records a write through the shared step recording (StepRecording); the advice's page is next unless <paramref name="redirectTo"/> says otherwise.</summary>
    protected Task<IActionResult> WriteAsync(Func<RequestContext, CancellationToken, Task> write, string success, Func<string, string> field, string? redirectTo = null) =>
        this.RecordStepAsync(ct => write(Context, ct), field, SuccessKey, success, redirectTo ?? AdviceLink);
}
