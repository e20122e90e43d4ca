using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>The family says how they want to hear from the council beside email: letters by post, a language and interpreter, a format.</summary>
public sealed class ContactModel(AssessmentQueries queries, AssessmentCases cases) : PageModel, IContactPreferencesPage
{
    private const string SuccessKey = "family.contact.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ContactPreferencesForm Contact { get; set; } = new();

    public string Reference { get; private set; } = string.Empty;

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            var viewed = await queries.GetCaseAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
            Reference = viewed.Assessment.Reference;
            Contact = ContactPreferencesForm.From(viewed.Assessment.Contact);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostAsync() =>
        this.RecordStepAsync(ct => cases.RecordContactPreferencesAsync(HttpContext.ToRequestContext(), Id, Contact.ToPreferences(), ct),
            ContactPreferencesForm.FieldFor, SuccessKey, "The council will contact you this way", $"/your-requests/{Id}/contact");
}
