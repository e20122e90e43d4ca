using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Data.Partnerships;
using OpenSend.Domain.Common;
using OpenSend.Domain.Partnerships;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Partnerships;

/// <summary>
/// A council officer adds or changes a service in the local offer: who provides it, what it is, its
/// kinds and needs, ages, where, when, cost and contact. One form, checked as a whole by the same rules
/// an imported service meets; a service with several places keeps the others when its first is changed.
/// </summary>
public sealed class EditServiceModel(LocalOfferQueries queries, LocalOfferRecording recording) : PageModel
{
    public const string NewProvider = "new";

    [BindProperty]
    public string? Provider { get; set; }

    [BindProperty]
    public string? NewProviderName { get; set; }

    [BindProperty]
    public string? ServiceName { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Status { get; set; } = nameof(ServiceStatus.Active);

    [BindProperty]
    public List<string> Kinds { get; set; } = [];

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    [BindProperty]
    public string? YoungestAge { get; set; }

    [BindProperty]
    public string? OldestAge { get; set; }

    [BindProperty]
    public string? Eligibility { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public string? When { get; set; }

    [BindProperty]
    public string? Cost { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public bool IsNew { get; private set; }

    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    public static IReadOnlyList<GovUkChoice> KindChoices { get; } = [.. LocalOfferTaxonomy.Kinds.Select(k => new GovUkChoice(k.Code, k.Name, k.Description))];

    public static IReadOnlyList<GovUkChoice> NeedChoices { get; } = [.. LocalOfferTaxonomy.Needs.Select(n => new GovUkChoice(n.Code, n.Name))];

    public static IReadOnlyList<GovUkChoice> Statuses { get; } =
    [
        new(nameof(ServiceStatus.Active), "Running"),
        new(nameof(ServiceStatus.TemporarilyClosed), "Temporarily closed"),
        new(nameof(ServiceStatus.Inactive), "Not running at the moment"),
        new(nameof(ServiceStatus.Defunct), "Closed for good"),
    ];

    public async Task<IActionResult> OnGetAsync(string serviceId)
    {
        if (await LoadAsync(serviceId) is { } refused)
        {
            return refused;
        }

        if (!IsNew && await queries.ServiceAsync(Guid.Parse(serviceId), HttpContext.RequestAborted) is { } offered)
        {
            var s = offered.Service;
            Provider = offered.Provider.Id.ToString();
            ServiceName = s.Name;
            Description = s.Description;
            Status = s.Status.ToString();
            Kinds = [.. LocalOfferTaxonomy.Kinds.Where(k => s.Terms.Any(t => t.TermId == k.Id)).Select(k => k.Code)];
            Needs = [.. LocalOfferTaxonomy.Needs.Where(n => s.Terms.Any(t => t.TermId == n.Id)).Select(n => n.Code)];
            YoungestAge = s.MinimumAge?.ToString(CultureInfo.InvariantCulture);
            OldestAge = s.MaximumAge?.ToString(CultureInfo.InvariantCulture);
            Eligibility = s.Eligibility;
            (Place, Address, Town, Postcode) = s.Locations.FirstOrDefault() is { } l ? (l.Name, l.Address, l.Town, l.Postcode) : default;
            When = s.Schedules.FirstOrDefault()?.Description;
            Cost = s.Fees;
            (Email, Phone, Website) = (s.Email, s.Phone, s.Url);
            Version = s.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string serviceId)
    {
        if (await LoadAsync(serviceId) is { } refused)
        {
            return refused;
        }

        // The fields every service needs are said together; the domain checks the rest as it saves.
        Guid? providerId = Guid.TryParse(Provider, out var p) ? p : null;
        if (providerId is null && Provider != NewProvider)
        {
            ModelState.AddModelError(nameof(Provider), "Select the organisation that provides the service");
        }
        else if (Provider == NewProvider && Text.NullIfBlank(NewProviderName) is null)
        {
            ModelState.AddModelError(nameof(NewProviderName), "Enter the name of the organisation that provides the service");
        }

        if (Text.NullIfBlank(ServiceName) is null)
        {
            ModelState.AddModelError(nameof(ServiceName), "Enter the name of the service");
        }

        if (Text.NullIfBlank(Description) is null)
        {
            ModelState.AddModelError(nameof(Description), "Say what the service does");
        }

        var youngest = Age(YoungestAge, nameof(YoungestAge), "youngest");
        var oldest = Age(OldestAge, nameof(OldestAge), "oldest");
        var status = Enum.TryParse<ServiceStatus>(Status, out var s) ? s : (ServiceStatus?)null;
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), "Select whether the service is running");
        }

        if (Kinds.Count == 0)
        {
            ModelState.AddModelError(nameof(Kinds), "Select at least one kind of service");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = IsNew ? null : (await queries.ServiceAsync(Guid.Parse(serviceId), HttpContext.RequestAborted))?.Service;
        var place = Text.NullIfBlank(Place) is { } name
            ? new ServiceLocation(existing?.Locations.FirstOrDefault()?.Id ?? RecordId.New(), existing?.Locations.FirstOrDefault()?.ServiceAtLocationId ?? RecordId.New(),
                LocationType.Physical, name, Address, Town, Postcode)
            : null;
        var details = new LocalOfferService.Details(ServiceName, Description, status!.Value, Website, Email, Phone, Eligibility, Cost, youngest, oldest,
            [.. place is null ? [] : new[] { place }, .. existing?.Locations.Skip(1) ?? []],
            existing?.CostOptions ?? [],
            Text.NullIfBlank(When) is { } when ? [new ServiceSchedule(existing?.Schedules.FirstOrDefault()?.Id ?? RecordId.New(), when), .. existing?.Schedules.Skip(1) ?? []] : [],
            [.. LocalOfferTaxonomy.Kinds.Where(k => Kinds.Contains(k.Code)).Select(k => k.Id),
                .. LocalOfferTaxonomy.Needs.Where(n => Needs.Contains(n.Code)).Select(n => n.Id),
                .. existing?.Terms.Select(t => t.TermId).Where(t => LocalOfferTaxonomy.Terms.All(b => b.Id != t)) ?? []]);
        try
        {
            var saved = await recording.SaveServiceAsync(HttpContext.ToRequestContext(), IsNew ? null : Guid.Parse(serviceId), new ProviderChoice(providerId, NewProviderName), details, Version,
                HttpContext.RequestAborted);
            TempData[ManageLocalOfferModel.SuccessKey] = $"{saved.Name} is saved and published in the local offer";
            return Redirect("/local-offer/manage");
        }
        catch (StepRefusedException refusal)
        {
            ModelState.AddModelError(FieldFor(refusal.Code), refusal.Message);
            return Page();
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }

    private static string FieldFor(string code) => code switch
    {
        "provider-name-missing" or "provider-name-too-long" or "provider-unknown" => nameof(NewProviderName),
        "service-name-missing" or "service-name-too-long" => nameof(ServiceName),
        "service-description-missing" or "service-description-too-long" => nameof(Description),
        "status-invalid" => nameof(Status),
        "minimum-age-invalid" => nameof(YoungestAge),
        "maximum-age-invalid" or "ages-out-of-order" => nameof(OldestAge),
        "kind-missing" or "term-unknown" => nameof(Kinds),
        "location-name-missing" => nameof(Place),
        "location-postcode-missing" => nameof(Postcode),
        "url-invalid" => nameof(Website),
        "email-invalid" => nameof(Email),
        "phone-too-long" => nameof(Phone),
        "eligibility-too-long" => nameof(Eligibility),
        "fees-too-long" or "cost-invalid" => nameof(Cost),
        _ => nameof(ServiceName),
    };

    private int? Age(string? text, string field, string which)
    {
        if (Text.NullIfBlank(text) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age))
        {
            return age;
        }

        ModelState.AddModelError(field, $"Enter the {which} age in whole years, like 5");
        return null;
    }

    private async Task<IActionResult?> LoadAsync(string serviceId)
    {
        if (User.ToViewer() is not { IsLaStaff: true, LaCode: { } la })
        {
            return Forbid();
        }

        IsNew = serviceId == "new";
        if (!IsNew && (!Guid.TryParse(serviceId, out var id) || await queries.ServiceAsync(id, HttpContext.RequestAborted) is not { } found || found.Service.LaCode != la))
        {
            return NotFound();
        }

        Providers = [new SelectListItem("Choose an organisation", string.Empty),
            .. (await queries.ProvidersAsync(la, HttpContext.RequestAborted)).Select(p => new SelectListItem(p.Name, p.Id.ToString())),
            new SelectListItem("Another organisation", NewProvider)];
        return null;
    }
}
