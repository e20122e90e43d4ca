using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.Pages.Shared;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The council records how the family wants to hear from it beside email: letters by post, a language and interpreter, a format.</summary>
public sealed class ContactModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time), IContactPreferencesPage
{
    [BindProperty]
    public ContactPreferencesForm Contact { get; set; } = new();

    public override string Title => "How the family wants to hear from the council";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => "Contact.PostalAddress";

    protected override string FieldFor(string refusalCode) => ContactPreferencesForm.FieldFor(refusalCode);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Contact = ContactPreferencesForm.From(Case.Contact);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync() =>
        await LoadAsync() ?? await RecordAsync((context, ct) => cases.RecordContactPreferencesAsync(context, Id, Contact.ToPreferences(), ct),
            "How the family wants to hear from the council is recorded");
}
