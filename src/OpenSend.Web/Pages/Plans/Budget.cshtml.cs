using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Section J: the personal budget, when the family has asked for one (s.49; SEND (Personal Budgets) Regulations 2014).</summary>
public sealed class BudgetModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Covers { get; set; }

    [BindProperty]
    public string? DirectPayments { get; set; }

    [BindProperty]
    public string? Arrangements { get; set; }

    public override string Title => "Section J: personal budget";

    public IReadOnlyList<GovUkChoice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Working.SectionJ is { } budget)
        {
            Amount = budget.Amount.ToString("0.00", CultureInfo.InvariantCulture);
            Covers = budget.Covers;
            DirectPayments = budget.DirectPayments ? "yes" : "no";
            Arrangements = budget.Arrangements;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var text = Amount?.Trim().TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(Amount), "Enter the amount of the personal budget a year, in pounds");
        }
        else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed < 0 || decimal.Round(parsed, 2) != parsed)
        {
            ModelState.AddModelError(nameof(Amount), "Amount must be in pounds and pence, like 2400 or 2400.50");
        }

        if (string.IsNullOrWhiteSpace(Covers))
        {
            ModelState.AddModelError(nameof(Covers), "Enter what the personal budget pays for");
        }

        if (DirectPayments is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(DirectPayments), "Select whether any of it is paid as direct payments");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var budget = new PersonalBudget(decimal.Parse(text!, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), Covers!.Trim(), DirectPayments == "yes",
            Text.NullIfBlank(Arrangements));
        return await EditAsync(drafting, c => c.WithPersonalBudget(budget), AuditActions.PlanBudgetSaved, "Section J saved", _ => nameof(Amount));
    }

    public async Task<IActionResult> OnPostRemoveAsync() =>
        await LoadAsync() ?? await EditAsync(drafting, c => c.WithPersonalBudget(null), AuditActions.PlanBudgetRemoved, "Section J emptied", _ => nameof(Amount));
}
