using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Returns;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Returns;

/// <summary>
/// The council's SEN2 return (sen2.md): choose the census, check what the return would hold
/// (errors block, queries warn, each against the child's case), then download the XML to send the
/// DfE. The same return the CLI's `opensend export sen2` writes and the dashboard counts.
/// </summary>
public sealed class Sen2Model(Sen2Returns returns, TimeProvider time) : PageModel
{
    /// <summary>How many past censuses can be made again (a return is corrected and resent for the year before).</summary>
    public const int YearsOffered = 5;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<GovUkChoice> Years { get; private set; } = [];

    public Sen2Made? Made { get; private set; }

    public DateOnly Census { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        var laCode = User.ToViewer().LaCode!;

        Today = UkCalendar.Today(time);
        var next = Sen2Extract.CensusDay(Today.Year) >= Today ? Today.Year : Today.Year + 1;
        var offered = Enumerable.Range(next - YearsOffered + 1, YearsOffered).Reverse().ToList();
        Years = offered.Select(y => new GovUkChoice(y.ToString(System.Globalization.CultureInfo.InvariantCulture), $"SEN2 {y}",
            $"Census day {UkCalendar.InWords(Sen2Extract.CensusDay(y))}{(Sen2Extract.CensusDay(y) > Today ? ": still to come, so this counts what is recorded so far" : "")}; reports on {y - 1}")).ToList();
        if (Year is not { } year)
        {
            Year = next;
            return Page();
        }

        if (!offered.Contains(year))
        {
            ModelState.AddModelError(nameof(Year), $"Choose one of the returns listed, SEN2 {offered[^1]} to SEN2 {offered[0]}");
            return Page();
        }

        Census = Sen2Extract.CensusDay(year);
        Made = await returns.MakeAsync(laCode, Census, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Someone not signed in is asked to; anyone but the council's staff is refused.</summary>
    private IActionResult? Refusal() =>
        User.Identity?.IsAuthenticated != true ? Challenge()
        : !User.ToViewer().IsLaStaff || User.ToViewer().LaCode is null ? Forbid()
        : null;

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (Refusal() is { } refusal)
        {
            return refusal;
        }

        var laCode = User.ToViewer().LaCode!;

        var today = UkCalendar.Today(time);
        var next = Sen2Extract.CensusDay(today.Year) >= today ? today.Year : today.Year + 1;
        if (Year is not { } year || year > next || year <= next - YearsOffered)
        {
            return RedirectToPage();
        }

        var made = await returns.MakeAsync(laCode, Sen2Extract.CensusDay(year), HttpContext.RequestAborted);
        if (made.Errors > 0)
        {
            // The page says why; nothing is written while errors remain.
            return RedirectToPage(new { year });
        }

        var stream = new MemoryStream();
        await returns.WriteAsync(HttpContext.ToRequestContext(), made, stream, HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, "application/xml", made.FileName);
    }
}
