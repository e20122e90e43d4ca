using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>A case: who and what, every statutory deadline and where it stands, what can be recorded next, and the timeline.</summary>
public sealed class IndexModel(AssessmentQueries queries, OpenSend.Data.Reviews.ReviewQueries reviewQueries, OpenSend.Data.Reviews.PlanReviews reviews, TimeProvider time) : PageModel
{
    /// <summary>The plan's reviews, newest first (s.44).</summary>
    public IReadOnlyList<OpenSend.Domain.Reviews.AnnualReview> Reviews { get; private set; } = [];

    /// <summary>Each outcome's progress across reviews.</summary>
    public IReadOnlyList<OpenSend.Data.Reviews.OutcomeTimeline> Progress { get; private set; } = [];

    public EhcCase Case { get; private set; } = default!;

    /// <summary>The responsible LA's staff record steps; others who can see the case only read it.</summary>
    public bool CanManage { get; private set; }

    public IReadOnlyList<DeadlineProgress> Deadlines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Success { get; private set; }

    /// <summary>Why a step asked for from this page was refused: shown as a problem, never under a success banner.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            var viewed = await queries.GetCaseAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
            Case = viewed.Assessment;
            CanManage = viewed.CanManage;
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Today = UkCalendar.Today(time);
        Deadlines = Case.Deadlines(Today);
        Reviews = Case.Stage is AssessmentStage.PlanIssued or AssessmentStage.PlanCeased ? await reviewQueries.OfCaseAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted) : [];
        Progress = Reviews.Count > 0 ? await reviewQueries.ProgressAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted) : [];
        Success = TempData[CaseStepPage.SuccessKey] as string;
        Refusal = TempData[RefusedKey] as string;
        return Page();
    }

    /// <summary>A step the family is told of, as a letter to print and post (issue 22: letters by post, with the rights each carries).</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid id, Guid entry, [FromServices] DecisionLetters letters)
    {
        try
        {
            var file = await letters.RenderAsync(HttpContext.ToRequestContext(), id, entry, HttpContext.RequestAborted);
            return file is null ? Redirect($"/cases/{id}") : File(file.Content, file.ContentType, file.FileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (OpenSend.Data.Access.CaseAccessDeniedException)
        {
            return Forbid();
        }
    }

    /// <summary>For plans issued before reviews were scheduled here, or after a decision to cease was overturned: schedule the next review.</summary>
    public async Task<IActionResult> OnPostScheduleReviewAsync(Guid id)
    {
        try
        {
            var review = await reviews.ScheduleAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
            TempData[OpenSend.Web.Pages.Reviews.ReviewPage.SuccessKey] = $"Review scheduled: due by {UkCalendar.InWords(review.DueBy)}";
            return Redirect($"/reviews/{review.Id}");
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (OpenSend.Data.Access.CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (StepRefusedException refused)
        {
            TempData[RefusedKey] = refused.Message;
            return Redirect($"/cases/{id}");
        }
    }

    public const string RefusedKey = "case.refused";

    public string DeadlineTitle(DeadlineProgress progress) =>
        progress.RelatesTo is { } adviceId && Case.AdviceRequests.FirstOrDefault(a => a.Id == adviceId) is { } advice
            ? $"{advice.Kind.Title()} from {advice.AdviserName}"
            : progress.Deadline.Title;

    public static string Age(DateOnly dateOfBirth, DateOnly today) =>
        CompulsorySchoolAge.AgeOn(dateOfBirth, today) is var years && years == 1 ? "1 year old" : $"{CompulsorySchoolAge.AgeOn(dateOfBirth, today)} years old";
}
