using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>One of the family's own requests, with the log of who has looked at the record.</summary>
public sealed class RequestModel(AssessmentQueries queries, OpenSend.Data.Plans.PlanQueries plans, OpenSend.Data.Reviews.ReviewQueries reviews, SubjectAccessExport export, TimeProvider time) : PageModel
{
    public DateOnly Today => UkCalendar.Today(time);

    /// <summary>Progress towards each outcome across the plan's reviews ("celebrating progress").</summary>
    public IReadOnlyList<OpenSend.Data.Reviews.OutcomeTimeline> Progress { get; private set; } = [];

    /// <summary>The latest draft plan, when there is one for the family to read.</summary>
    public OpenSend.Domain.Plans.PlanVersion? DraftPlan { get; private set; }

    /// <summary>The latest final or amended final plan, once there is one.</summary>
    public OpenSend.Domain.Plans.PlanVersion? PlanInForce { get; private set; }

    public FamilyCaseView View { get; private set; } = default!;

    public IReadOnlyList<AccessLogEntry> AccessLog { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var context = HttpContext.ToRequestContext();
        try
        {
            var viewed = await queries.GetCaseAsync(context, id, HttpContext.RequestAborted);
            View = new FamilyCaseView(viewed.Assessment, viewed.LocalAuthority.Name, FamilyUpdate.For(viewed.Assessment, UkCalendar.Today(time)));
            var plan = await plans.GetAsync(context, id, HttpContext.RequestAborted);
            DraftPlan = plan.DraftForFamily;
            PlanInForce = plan.Plan?.LatestFinal;
            AccessLog = await queries.AccessLogAsync(context, id, HttpContext.RequestAborted);
            Progress = await reviews.ProgressAsync(context, id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>Everything held about their child, as a zip (UK GDPR Article 15), without asking the council.</summary>
    public Task<IActionResult> OnGetRecordAsync(Guid id) => Assessments.Cases.SubjectAccessExportModel.DownloadAsync(this, export, id);

    public string Who(AccessLogEntry entry)
    {
        if (entry.ActorId == User.ToViewer().PersonId?.ToString())
        {
            return "You";
        }

        var role = Enum.TryParse<Role>(entry.Role, out var parsed) ? parsed.Title() : entry.Role;
        return entry.Role switch
        {
            "Requester" => "Someone using the public request form",
            "Family" => "A parent, carer or young person linked to this request",
            "System" => "OpenSEND",
            _ => $"{entry.Who}, {role}{(entry.Organisation is null ? "" : $", {entry.Organisation}")}",
        };
    }
}
