using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The case's access log, for its LA's staff.</summary>
public sealed class AccessLogModel(AssessmentQueries queries, TimeProvider time) : CaseStepPage(queries, time)
{
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];

    public override string Title => "Who has looked at this record";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Entries = await Queries.AccessLogAsync(Context, Id, HttpContext.RequestAborted);
        return Page();
    }
}
