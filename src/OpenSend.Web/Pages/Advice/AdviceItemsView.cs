using OpenSend.Data.Advice;

namespace OpenSend.Web.Pages.Advice;

/// <summary>What each item of advice offers beside it: nothing, removing it (its adviser, before sending), or taking it into the plan (the caseworker).</summary>
public enum AdviceItemAction
{
    None,
    Remove,
    TakeIntoPlan,
}

/// <summary>The model of _AdviceItems: an adviser's recommended needs, outcomes and provision, by section.</summary>
public sealed record AdviceItemsView(AdviceInProgress Advice, AdviceItemAction Action, int Version);
