using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Redress;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Redress;

/// <summary>A mediation service's mediators: the mediations councils arranged with their service, those still to hold or certify first.</summary>
public sealed class ReferredModel(RedressQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReferredMediation> Mediations { get; private set; } = [];

    public DateOnly Today => UkCalendar.Today(time);

    public async Task OnGetAsync() => Mediations = await queries.ReferredToMyServiceAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
}
