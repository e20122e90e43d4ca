using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Partnerships;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Web.Pages.Partnerships;

/// <summary>One service in a local offer: what it is, who it is for, where and when, what it costs and how to get in touch.</summary>
public sealed class LocalOfferServiceModel(LocalOfferQueries queries) : PageModel
{
    public OfferedService Offered { get; private set; } = default!;

    public string AreaName { get; private set; } = string.Empty;

    public IReadOnlyList<TaxonomyTerm> Kinds { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> Needs { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> OtherTerms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid serviceId)
    {
        if (await queries.ServiceAsync(serviceId, HttpContext.RequestAborted) is not { } offered)
        {
            return NotFound();
        }

        Offered = offered;
        AreaName = (await queries.AreasAsync(HttpContext.RequestAborted)).FirstOrDefault(a => a.Code == offered.Service.LaCode).Name ?? offered.Service.LaCode;
        var terms = (await queries.TermsAsync(offered.Service.Terms.Select(t => t.TermId), HttpContext.RequestAborted)).Values.Select(v => v.Term).OrderBy(t => t.Name).ToList();
        Kinds = [.. terms.Where(t => t.TaxonomyId == LocalOfferTaxonomy.ServiceKinds.Id)];
        Needs = [.. terms.Where(t => t.TaxonomyId == LocalOfferTaxonomy.NeedsServed.Id)];
        OtherTerms = [.. terms.Except(Kinds).Except(Needs)];
        return Page();
    }
}
