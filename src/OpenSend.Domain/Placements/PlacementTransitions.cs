namespace OpenSend.Domain.Placements;

/// <summary>
/// Where naming a place has got to. It follows from the placement's own facts (a list shared, a
/// setting named), so it is read, never stored: nothing can record a stage the facts do not bear out.
/// </summary>
public enum PlacementStage
{
    /// <summary>The council has proposed a tailored list; the family cannot see it yet.</summary>
    ListProposed,

    /// <summary>The family can see the list and give their preferences (s.38(2)(b)).</summary>
    ListShared,

    /// <summary>A setting is named for section I (s.39, s.40). A change now is an amendment to the plan.</summary>
    Decided,
}

/// <summary>The named steps of <see cref="Placement"/>, each allowed only where <see cref="PlacementTransitions"/> says.</summary>
public enum PlacementAction
{
    ProposeAgain,
    ChangeList,
    ShareList,
    ExpressPreferences,
    ProposeCouncilSetting,
    Consult,
    RecordResponse,
    RecordGrounds,
    Decide,
    RecordNamedBeyondCommissionedPlaces,
    Reopen,
}

/// <summary>
/// The one table of which steps may be taken at which stage of naming a place (convention 1,
/// ../shared/spec/code-style.md), as <c>PathwayTransitions</c> is for the pathway and
/// <c>ReviewTransitions</c> for reviews. The stage after a step is read from the facts the step
/// wrote, so the table holds only what is allowed.
/// </summary>
public static class PlacementTransitions
{
    private static readonly HashSet<(PlacementStage, PlacementAction)> Allowed = Build();

    private static HashSet<(PlacementStage, PlacementAction)> Build()
    {
        var allowed = new HashSet<(PlacementStage, PlacementAction)>();
        foreach (var open in new[] { PlacementStage.ListProposed, PlacementStage.ListShared })
        {
            // Until a setting is named, the list, the preferences, the consultations (s.39(2)) and the
            // grounds (s.39(4)) can all change, and the decision can be made. The council may record
            // preferences the family gave it another way before the list is shared.
            foreach (var action in new[]
            {
                PlacementAction.ProposeAgain, PlacementAction.ChangeList, PlacementAction.ShareList, PlacementAction.ExpressPreferences,
                PlacementAction.ProposeCouncilSetting, PlacementAction.Consult, PlacementAction.RecordResponse, PlacementAction.RecordGrounds,
                PlacementAction.Decide,
            })
            {
                allowed.Add((open, action));
            }
        }

        allowed.Add((PlacementStage.Decided, PlacementAction.RecordNamedBeyondCommissionedPlaces));
        // An amendment that would name a different setting names again (s.39 applies to it, reg 22(2)).
        allowed.Add((PlacementStage.Decided, PlacementAction.Reopen));
        return allowed;
    }

    public static bool IsAllowed(PlacementStage stage, PlacementAction action) => Allowed.Contains((stage, action));
}
