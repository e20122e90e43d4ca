using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>The plan's fixed answer lists, worded once for every form that asks them (the plan's editors and an adviser's advice).</summary>
public static class PlanChoices
{
    public static IReadOnlyList<GovUkChoice> NeedSections { get; } = Sections(PlanContent.NeedSections);

    public static IReadOnlyList<GovUkChoice> ProvisionSections { get; } = Sections(PlanContent.ProvisionSections);

    public static IReadOnlyList<GovUkChoice> Funders { get; } = Enum.GetValues<Funder>().Select(f => new GovUkChoice(f.ToString(), PlanReading.FunderName(f))).ToList();

    public static IReadOnlyList<SelectListItem> NeedTypes { get; } =
        [new SelectListItem("Not a special educational need (sections C and D)", string.Empty),
         .. Enum.GetValues<Sen2NeedType>().Select(t => new SelectListItem($"{PlanReading.NeedTypeName(t)} ({t})", t.ToString()))];

    private static List<GovUkChoice> Sections(IEnumerable<PlanSection> sections) =>
        sections.Select(s => new GovUkChoice(s.ToString(), $"Section {s}: {PlanReading.Title(s)}")).ToList();
}
