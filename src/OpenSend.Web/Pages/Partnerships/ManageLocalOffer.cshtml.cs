using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Partnerships;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Partnerships;

/// <summary>The council's own local offer, for its staff to keep up to date: every service, newest change first.</summary>
public sealed class ManageLocalOfferModel(LocalOfferQueries queries) : PageModel
{
    public const string SuccessKey = "local-offer-saved";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public LocalOfferResults Results { get; private set; } = default!;

    public string? Saved { get; private set; }

    public string LaCode { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.ToViewer() is not { IsLaStaff: true, LaCode: { } la })
        {
            return Forbid();
        }

        LaCode = la;
        Saved = TempData[SuccessKey] as string;
        Results = await queries.SearchAsync(new LocalOfferSearch(la, Page: PageNumber, PerPage: 50), HttpContext.RequestAborted);
        return Page();
    }
}
