using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Domain.Redress;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>One complaint, as the council answers it at each stage and records the Ombudsman's decision.</summary>
public sealed class ComplaintModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid ComplaintId { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? OmbudsmanDecision { get; set; }

    public Complaint Complaint { get; private set; } = default!;

    public RedressSummary Summary => new(Redress with { Mediations = [], Appeals = [], Decisions = [], Complaints = [Complaint] }, ForFamily: false, null);

    public bool Allowed(ComplaintAction action) => Redress.IsCouncil && Complaint.AllowedActions.Contains(action);

    public string Link => $"/cases/{Id}/redress/complaints/{ComplaintId}";

    public async Task<IActionResult> OnGetAsync() => await LoadComplaintAsync() ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync()
    {
        if (await LoadComplaintAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return !Redress.IsCouncil ? Forbid()
            : await RecordAsync((context, ct) => recording.AnswerComplaintAsync(context, Id, ComplaintId, AnswerText, ct), _ => nameof(AnswerText),
                "The answer is recorded and the family can read it.", Link);
    }

    public async Task<IActionResult> OnPostOmbudsmanAsync()
    {
        if (await LoadComplaintAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Redress.IsCouncil)
        {
            return Forbid();
        }

        var on = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the Ombudsman's decision", notAfter: Today);
        return await RecordAsync((context, ct) => recording.RecordOmbudsmanDecisionAsync(context, Id, ComplaintId, on!.Value, OmbudsmanDecision, ct),
            code => code.StartsWith("ombudsman-decision", StringComparison.Ordinal) ? nameof(OmbudsmanDecision) : nameof(DecidedOn), "The Ombudsman's decision is recorded.", Link);
    }

    private async Task<IActionResult?> LoadComplaintAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var found = Redress.Complaints.FirstOrDefault(c => c.Id == ComplaintId);
        if (found is null)
        {
            return Redirect(Home);
        }

        Complaint = found;
        return null;
    }
}
