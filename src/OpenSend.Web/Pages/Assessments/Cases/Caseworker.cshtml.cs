using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// The council names the case's caseworker, the family's one point of contact, or hands the case to
/// another with a note (issue 22; green paper ch.2 paras 20–21). Any stage: a plan in force has one too.
/// </summary>
public sealed class CaseworkerModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public List<SelectListItem> Caseworkers { get; } = [];

    public override string Title => Case.CaseworkerName is null ? "Name a caseworker" : "Change the caseworker";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(PersonId);

    protected override string FieldFor(string refusalCode) => refusalCode == "caseworker-note" ? nameof(Note) : nameof(PersonId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        PersonId = Case.CaseworkerPersonId;
        await ListCaseworkersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await ListCaseworkersAsync();
        if (PersonId is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose the caseworker");
        }

        var chosen = Caseworkers.FirstOrDefault(c => c.Value == PersonId?.ToString())?.Text;
        return await RecordAsync((context, ct) => cases.AssignCaseworkerAsync(context, Id, PersonId!.Value, Note, ct), $"{chosen} is now the caseworker. The family can see who to contact");
    }

    private async Task ListCaseworkersAsync()
    {
        Caseworkers.Add(new SelectListItem("Choose a caseworker", string.Empty));
        foreach (var caseworker in await Queries.CaseworkersAsync(Context, HttpContext.RequestAborted))
        {
            Caseworkers.Add(new SelectListItem(caseworker.Name, caseworker.PersonId.ToString(), caseworker.PersonId == PersonId));
        }
    }
}
