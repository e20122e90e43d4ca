using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class RequestAdviceModel(AssessmentQueries queries, AssessmentCases cases, CaseLinks links, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Adviser { get; set; }

    [BindProperty]
    public DateInput RequestedOn { get; set; } = new();

    [BindProperty]
    public string? AdviserOrganisationId { get; set; }

    public List<SelectListItem> Organisations { get; } = [new("Not on OpenSEND", string.Empty)];

    public IReadOnlyList<GovUkChoice> Kinds { get; } = Enum.GetValues<AdviserKind>().Select(k => new GovUkChoice(k.ToString(), k.Title())).ToList();

    public override string Title => "Request for advice";

    protected override PathwayAction[] Actions => [PathwayAction.RequestAdvice];

    protected override string DateField => nameof(RequestedOn);

    protected override string FieldFor(string refusalCode) => refusalCode == "adviser-missing" ? nameof(Adviser) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadWithOrganisationsAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadWithOrganisationsAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<AdviserKind>(Kind, out var kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of advice");
        }

        if (string.IsNullOrWhiteSpace(Adviser))
        {
            ModelState.AddModelError(nameof(Adviser), "Enter who the advice was requested from");
        }

        var requestedOn = RequestedOn.Validate(ModelState, nameof(RequestedOn), "The date the advice was requested", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.RequestAdviceAsync(context, Id, kind, Adviser!, requestedOn!.Value, Guid.TryParse(AdviserOrganisationId, out var organisationId) ? organisationId : null, ct),
            $"Request for {kind.Title().ToLowerInvariant()} recorded");
    }

    private async Task<IActionResult?> LoadWithOrganisationsAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Organisations.AddRange((await links.AdvisersInAreaAsync(Context, Id, HttpContext.RequestAborted)).Select(o => new SelectListItem(o.Name, o.Id.ToString())));
        return null;
    }
}
