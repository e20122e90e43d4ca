using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Data.Journeys;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class CouncilModel(FormJourneyStore journeys, AssessmentQueries queries) : RequestJourney(journeys)
{
    [BindProperty]
    public string? LaCode { get; set; }

    public List<SelectListItem> Councils { get; } = [new("Select a council", string.Empty)];

    protected override string ThisPage => RequestPages.Council;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        LaCode = State.LaCode;
        await LoadCouncilsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        await LoadCouncilsAsync();
        if (string.IsNullOrEmpty(LaCode) || !Councils.Any(c => c.Value == LaCode))
        {
            ModelState.AddModelError(nameof(LaCode), "Select the council responsible for the child or young person");
            return Page();
        }

        State.LaCode = LaCode;
        return await SaveAndContinueAsync();
    }

    private async Task LoadCouncilsAsync() =>
        Councils.AddRange((await queries.LocalAuthoritiesAsync(HttpContext.RequestAborted)).Select(l => new SelectListItem(l.Name, l.Code)));
}
