using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Partnerships;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Partnerships;

/// <summary>The DfE decides which areas run the green paper's rules, and from when; every decision is kept and shown.</summary>
public sealed class RuleSetsModel(RuleSetAdoptions adoptions, OpenSendDbContext db, TimeProvider time) : PageModel
{
    public const string SuccessKey = "rule-set-adopted";

    [BindProperty]
    public string? La { get; set; }

    [BindProperty]
    public string? RuleSet { get; set; }

    [BindProperty]
    public DateInput From { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<AreaRules> Areas { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Las { get; private set; } = [];

    public static IReadOnlyList<GovUkChoice> RuleSets { get; } =
        [.. RuleSetCatalogue.All.Where(r => r.AppliesOnlyWhereAdopted).Select(r => new GovUkChoice(r.Id, r.Name, $"For clocks that start on or after the date chosen; in force from {UkCalendar.InWords(r.EffectiveFrom)}"))];

    public string? Saved { get; private set; }

    public DateOnly Today => UkCalendar.Today(time);

    public async Task<IActionResult> OnGetAsync()
    {
        Saved = TempData[SuccessKey] as string;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Las.All(l => l.Value != La) || string.IsNullOrEmpty(La))
        {
            ModelState.AddModelError(nameof(La), "Choose the local authority");
        }

        if (RuleSets.All(r => r.Value != RuleSet))
        {
            ModelState.AddModelError(nameof(RuleSet), "Choose the rules the area is to run");
        }

        var from = From.Validate(ModelState, nameof(From), "The date the rules apply from", notBefore: Today);
        if (Text.NullIfBlank(Reason) is null)
        {
            ModelState.AddModelError(nameof(Reason), "Say why the area adopts these rules (the pilot or decision it follows)");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var adopted = await adoptions.AdoptAsync(HttpContext.ToRequestContext(), La!, RuleSet!, from!.Value, Reason, HttpContext.RequestAborted);
            TempData[SuccessKey] = $"{Las.First(l => l.Value == La).Text} runs the {RuleSetCatalogue.Get(adopted.RuleSetId).Name} for clocks starting on or after {UkCalendar.InWords(adopted.From)}";
            return RedirectToPage();
        }
        catch (StepRefusedException refusal)
        {
            ModelState.AddModelError(refusal.Code switch { "adoption-in-the-past" => nameof(From), "reason-missing" or "reason-too-long" => nameof(Reason), "la-unknown" => nameof(La), _ => nameof(RuleSet) },
                refusal.Message);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Areas = await adoptions.AreasAsync(HttpContext.RequestAborted);
        Las = [new SelectListItem("Choose a local authority", string.Empty),
            .. (await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(HttpContext.RequestAborted))
                .Select(l => new SelectListItem($"{l.Name} ({l.Code})", l.Code))];
    }
}
