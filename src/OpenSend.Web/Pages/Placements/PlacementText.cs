using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Placements;

/// <summary>The register's and placements' words for people, and the answer lists their forms ask.</summary>
public static class PlacementText
{
    public static string Title(this SettingCategory category) => category switch
    {
        SettingCategory.Mainstream => "Mainstream school",
        SettingCategory.Special => "Special school",
        SettingCategory.NonMaintainedSpecial => "Non-maintained special school",
        SettingCategory.IndependentSpecial => "Independent special school",
        SettingCategory.Independent => "Independent school",
        SettingCategory.AlternativeProvision => "Alternative provision",
        SettingCategory.PostSixteen => "College or post-16 provider",
        _ => "Other",
    };

    public static string Title(this ListTier tier) => tier switch
    {
        ListTier.Mainstream => "Mainstream",
        ListTier.SpecialistInMainstream => "Specialist provision in a mainstream school",
        ListTier.Special => "Special",
        _ => "Independent",
    };

    public static string Title(this PlaceKind kind) => kind switch
    {
        PlaceKind.ResourcedProvision => "Resourced provision",
        PlaceKind.SenUnit => "SEN unit",
        PlaceKind.SpecialSchool => "Special school",
        PlaceKind.IndependentOrNonMaintained => "Independent or non-maintained special school",
        PlaceKind.AlternativeProvision => "Alternative provision",
        _ => "Post-16",
    };

    public static string Title(this ConsultationResponse response) => response switch
    {
        ConsultationResponse.CanMeetNeeds => "Can meet the child's needs",
        ConsultationResponse.CannotMeetNeeds => "Cannot meet the child's needs",
        _ => "No response in time",
    };

    public static string Title(this NamingGround ground) => OpenSend.Data.Placements.NamingGroundText.Title(ground);

    public static string NeedName(Sen2NeedType need) => $"{PlanReading.NeedTypeName(need)} ({need})";

    public static string Ages(Setting setting) => setting.LowAge is { } low && setting.HighAge is { } high ? $"{low} to {high}" : "Not recorded";

    public static string Places(int? available) => available switch
    {
        null => "Not known",
        0 => "None free",
        1 => "1 free",
        var n => $"{n} free",
    };

    public static IReadOnlyList<SelectListItem> Categories { get; } =
        [new SelectListItem("Any type", string.Empty), .. Enum.GetValues<SettingCategory>().Select(c => new SelectListItem(c.Title(), c.ToString()))];

    public static IReadOnlyList<SelectListItem> Phases { get; } =
        [new SelectListItem("Any phase", string.Empty), .. new[] { "Nursery", "Primary", "Middle deemed primary", "Middle deemed secondary", "Secondary", "All-through", "16 plus", "Not applicable" }.Select(p => new SelectListItem(p, p))];

    public static IReadOnlyList<SelectListItem> Needs(string anyLabel) =>
        [new SelectListItem(anyLabel, string.Empty), .. Enum.GetValues<Sen2NeedType>().Select(n => new SelectListItem(NeedName(n), n.ToString()))];

    public static IReadOnlyList<GovUkChoice> PlaceKinds { get; } = Enum.GetValues<PlaceKind>().Select(k => new GovUkChoice(k.ToString(), k.Title())).ToList();
}
