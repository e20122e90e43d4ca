using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Audit;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Audit;

/// <summary>An LA SEND manager searches the council's audit log.</summary>
public sealed class IndexModel(AuditSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    /// <summary>From the query string only: "page" is also the route value Razor Pages names the page by.</summary>
    public int PageNumber { get; private set; } = 1;

    public AuditSearchResult? Result { get; private set; }

    public string OrganisationName => User.OrganisationName() ?? string.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        PageNumber = page ?? 1;
        var from = From.IsEmpty ? null : From.Validate(ModelState, nameof(From), "The from date");
        var to = To.IsEmpty ? null : To.Validate(ModelState, nameof(To), "The to date");
        if (!ModelState.IsValid)
        {
            return;
        }

        Result = await search.SearchAsync(HttpContext.ToRequestContext(), new AuditSearchQuery(Reference, Person, from, to, PageNumber), HttpContext.RequestAborted);
    }

    public string PageLink(int page) => $"{Request.Path}{QueryString.Create(Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))))}";
}
