using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments;

/// <summary>The LA caseworker's caseload: open cases, the nearest statutory deadline first.</summary>
public sealed class CaseloadModel(AssessmentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    /// <summary>Whose cases: everyone's (empty), "mine" or "unassigned".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    public List<SelectListItem> Owners { get; } = [];

    /// <summary>For a SEND manager: who holds what, with the cases no one holds.</summary>
    public IReadOnlyList<CaseworkerLoad> Workload { get; private set; } = [];

    /// <summary>From the query string only: "page" is also the route value Razor Pages names the page by.</summary>
    public int PageNumber { get; private set; } = 1;

    public CaseloadPage Caseload { get; private set; } = default!;

    public List<SelectListItem> Stages { get; } = [];

    public string LaName { get; private set; } = string.Empty;

    /// <summary>An LA's caseworkers see the whole caseload and record requests; others see the cases they are involved in.</summary>
    public bool IsLaStaff { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        PageNumber = page ?? 1;
        var stage = Enum.TryParse<AssessmentStage>(Stage, out var parsed) ? parsed : (AssessmentStage?)null;
        var context = HttpContext.ToRequestContext();
        var owner = Enum.TryParse<CaseloadOwner>(Owner, ignoreCase: true, out var whose) ? whose : CaseloadOwner.Anyone;
        Caseload = await queries.CaseloadAsync(context, new CaseloadFilter(stage, PageNumber, Owner: owner), HttpContext.RequestAborted);
        if (context.Viewer is { IsLaStaff: true, Role: OpenSend.Domain.Identity.Role.LaSendManager })
        {
            Workload = await queries.WorkloadAsync(context, HttpContext.RequestAborted);
        }

        Owners.Add(new SelectListItem("Everyone's cases", string.Empty, owner == CaseloadOwner.Anyone));
        Owners.Add(new SelectListItem("My cases", "mine", owner == CaseloadOwner.Mine));
        Owners.Add(new SelectListItem("Cases with no caseworker", "unassigned", owner == CaseloadOwner.Unassigned));
        LaName = User.OrganisationName() ?? string.Empty;
        IsLaStaff = context.Viewer.IsLaStaff;
        var open = AssessmentStageText.Open.Sum(s => Caseload.CountsByStage.GetValueOrDefault(s));
        Stages.Add(new SelectListItem($"All open cases ({open})", string.Empty));
        Stages.AddRange(Enum.GetValues<AssessmentStage>().Select(s =>
            new SelectListItem($"{s.Title()} ({Caseload.CountsByStage.GetValueOrDefault(s)})", s.ToString())));
    }

    public string PageLink(int page) => $"/caseload?page={page}{(string.IsNullOrEmpty(Stage) ? "" : $"&stage={Stage}")}{(string.IsNullOrEmpty(Owner) ? "" : $"&owner={Uri.EscapeDataString(Owner)}")}";
}
