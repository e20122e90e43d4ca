using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Data.Journeys;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class CheckModel(FormJourneyStore journeys, AssessmentQueries queries, AssessmentCases cases) : RequestJourney(journeys)
{
    public sealed record Row(string Key, string Value, string Page);

    public IReadOnlyList<Row> ChildRows { get; private set; } = [];

    public IReadOnlyList<Row> YouRows { get; private set; } = [];

    protected override string ThisPage => RequestPages.Check;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (State.FirstUnansweredPage() is { } unanswered)
        {
            return Redirect(Link(unanswered));
        }

        await BuildRowsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (State.FirstUnansweredPage() is { } unanswered)
        {
            return Redirect(Link(unanswered));
        }

        try
        {
            // The journey's answers are deleted in the same transaction that records the request.
            await Journeys.RemoveAsync(Kind, JourneyId!, HttpContext.RequestAborted);
            var submitted = await cases.ReceiveAsync(HttpContext.ToRequestContext(), new AssessmentRequestSubmission(
                State.LaCode!, State.RequesterKind!.Value, State.RequesterName!, State.RequesterEmail!, State.RequesterPhone, State.RequesterOrganisation,
                State.ChildGivenName!, State.ChildFamilyName!, State.ChildDateOfBirth!.Value, State.Reason!, State.ConsentToShare), cancellationToken: HttpContext.RequestAborted);
            TempData[SentModel.ReferenceKey] = submitted.Reference;
            TempData[SentModel.TokenKey] = submitted.TrackingToken;
            return RedirectToPage("Sent");
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            await BuildRowsAsync();
            return Page();
        }
    }

    private async Task BuildRowsAsync()
    {
        var councils = await queries.LocalAuthoritiesAsync(HttpContext.RequestAborted);
        ChildRows =
        [
            new("Name", $"{State.ChildGivenName} {State.ChildFamilyName}", RequestPages.ChildName),
            new("Date of birth", UkCalendar.InWords(State.ChildDateOfBirth!.Value), RequestPages.DateOfBirth),
            new("Council", councils.FirstOrDefault(c => c.Code == State.LaCode)?.Name ?? State.LaCode!, RequestPages.Council),
            new("Why you are asking", State.Reason!, RequestPages.Reason),
        ];
        var you = new List<Row>
        {
            new("Who is asking", State.RequesterKind!.Value.Title(), RequestPages.Who),
            new("Your name", State.RequesterName!, RequestPages.YourDetails),
            new("Email address", State.RequesterEmail!, RequestPages.YourDetails),
            new("Phone number", State.RequesterPhone ?? "Not given", RequestPages.YourDetails),
        };
        if (State.RequesterOrganisation is not null)
        {
            you.Add(new("Organisation", State.RequesterOrganisation, RequestPages.YourDetails));
        }

        you.Add(new("Sharing with professionals", "Agreed", RequestPages.Consent));
        YouRows = you;
    }
}
