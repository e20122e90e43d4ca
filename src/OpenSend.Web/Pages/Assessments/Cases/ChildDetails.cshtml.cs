using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Returns;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The child's sex, ethnicity, home postcode and UPN or ULN, which the SEN2 return needs and the request form does not ask.</summary>
public sealed class ChildDetailsModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public string? Ethnicity { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? Upn { get; set; }

    [BindProperty]
    public string? Uln { get; set; }

    [BindProperty]
    public string? UpnUnknownReason { get; set; }

    /// <summary>The case's version the form was filled from: a change made meanwhile is not overwritten.</summary>
    [BindProperty]
    public int CaseVersion { get; set; }

    public override string Title => "Details for the SEN2 return";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(Sex);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "ethnicity" => nameof(Ethnicity),
        "upn" => nameof(Upn),
        "uln" => nameof(Uln),
        "upn-unknown-reason" => nameof(UpnUnknownReason),
        _ => nameof(Sex),
    };

    public IReadOnlyList<GovUkChoice> Sexes { get; } = [new(nameof(Domain.Returns.Sex.Female), "Female"), new(nameof(Domain.Returns.Sex.Male), "Male"), new(nameof(Domain.Returns.Sex.Unknown), "Not known")];

    public IReadOnlyList<SelectListItem> EthnicityItems { get; } = [new("Not recorded", string.Empty), .. Ethnicities.All.Select(e => new SelectListItem($"{e.Name} ({e.Code})", e.Code))];

    public IReadOnlyList<SelectListItem> ReasonItems { get; } = [new("Not needed: a UPN or ULN is given", string.Empty), .. ChildDetails.UpnUnknownReasons.Select(r => new SelectListItem($"{r.Code}: {r.Name}", r.Code))];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var d = Case.ChildDetails;
        (Sex, Ethnicity, Postcode, Upn, Uln, UpnUnknownReason) = (d.Sex?.ToString(), d.Ethnicity, d.Postcode, d.Upn, d.Uln, d.UpnUnknownReason);
        CaseVersion = Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var details = new ChildDetails(Enum.TryParse<Sex>(Sex, out var sex) ? sex : null, Text.NullIfBlank(Ethnicity), Text.NullIfBlank(Postcode),
            Text.NullIfBlank(Upn)?.ToUpperInvariant(), Text.NullIfBlank(Uln), Text.NullIfBlank(UpnUnknownReason));
        return await RecordAsync((context, ct) => cases.RecordChildDetailsAsync(context, Id, details, CaseVersion, ct), "Details for the SEN2 return saved");
    }
}
