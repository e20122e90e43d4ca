using OpenSend.Domain.Common;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Placements;

/// <summary>Tailored lists, preferences and naming a place: ss.33, 38–40 and the green paper's list.</summary>
public sealed class PlacementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly GridPoint Home = new(450_000, 300_000);

    private static Setting School(string urn, string name, int type, int low, int high, int eastKm, SpecialistProvision specialist = SpecialistProvision.None,
        Sen2NeedType[]? caters = null, SettingStatus status = SettingStatus.Open, bool section41 = false) => new(urn, SettingSource.Gias, name)
        {
            TypeCode = type,
            Category = Setting.CategoryOf(type),
            Status = status,
            LowAge = low,
            HighAge = high,
            Specialist = specialist,
            CatersFor = caters ?? [],
            Section41Approved = section41,
            Easting = Home.Easting + (eastKm * 1000),
            Northing = Home.Northing,
        };

    private static readonly Setting Oakfield = School("100001", "Oakfield Primary School", 1, 4, 11, 2);
    private static readonly Setting Brookside = School("100002", "Brookside Primary School", 1, 4, 11, 5, SpecialistProvision.SenUnit, [Sen2NeedType.ASD]);
    private static readonly Setting Hillcrest = School("100003", "Hillcrest Academy", 34, 11, 16, 3);
    private static readonly Setting Meadowbank = School("100004", "Meadowbank Special School", 7, 3, 19, 8, caters: [Sen2NeedType.ASD, Sen2NeedType.SLCN]);
    private static readonly Setting Larches = School("100005", "The Larches School", 7, 3, 19, 4, caters: [Sen2NeedType.PMLD]);
    private static readonly Setting OakLodge = School("100006", "Oak Lodge School", 10, 5, 16, 12, caters: [Sen2NeedType.ASD], section41: true);
    private static readonly Setting Faraway = School("100007", "Faraway Primary School", 1, 4, 11, 40);
    private static readonly Setting Closed = School("100008", "Old Mill Primary School", 1, 4, 11, 1, status: SettingStatus.Closed);
    private static readonly Setting Riverside = School("100009", "Riverside Pupil Referral Unit", 14, 5, 16, 1);
    private static readonly Setting Grange = School("100010", "The Grange", 11, 4, 18, 6, caters: [Sen2NeedType.ASD]);

    /// <summary>A child born 10 May 2021 with autism as primary need, starting school in September 2026 (age 4 then).</summary>
    private static ListRequest Request(Sen2NeedType? need = Sen2NeedType.ASD, double maxKm = 15) => new(new DateOnly(2021, 5, 10), need, new DateOnly(2026, 9, 1), Home, maxKm);

    private static IReadOnlyList<ProposedSetting> Propose(ListRequest request) =>
        TailoredListRules.Propose(request, new[] { Oakfield, Brookside, Hillcrest, Meadowbank, Larches, OakLodge, Faraway, Closed, Riverside, Grange }.Select(s => new SettingCandidate(s, null)));

    [Fact]
    public void TheList_TakesTheChildsAgeAndNeed_WithinTheDistance_MainstreamFirst()
    {
        var list = Propose(Request());

        Assert.Equal(["Oakfield Primary School", "Brookside Primary School", "Meadowbank Special School", "Oak Lodge School"], list.Select(p => p.Setting.Name));
        Assert.Equal([ListTier.Mainstream, ListTier.SpecialistInMainstream, ListTier.Special, ListTier.Independent], list.Select(p => p.Tier));
        Assert.Equal(2.0, list[0].DistanceKm);
        Assert.Equal("SEN unit for ASD in a mainstream school, ages 4 to 11", list[1].Why);
    }

    [Fact]
    public void ForAnotherNeed_TheUnitAndSpecialSchoolsForAutismDropOut_AndAMainstreamSchoolWithAUnitIsMainstream()
    {
        var list = Propose(Request(Sen2NeedType.PMLD));

        Assert.Equal(["Oakfield Primary School", "Brookside Primary School", "The Larches School"], list.Select(p => p.Setting.Name));
        Assert.Equal(ListTier.Mainstream, list[1].Tier);
    }

    [Fact]
    public void ASecondaryAgedChild_IsOfferedSecondarySchools_AndAWiderDistanceReachesFurther()
    {
        var secondary = TailoredListRules.Propose(new ListRequest(new DateOnly(2015, 3, 1), null, new DateOnly(2026, 9, 1), Home, 50),
            new[] { Oakfield, Hillcrest, Faraway, Meadowbank }.Select(s => new SettingCandidate(s, null)));

        Assert.Equal(11, TailoredListRules.AgeAtStart(new DateOnly(2015, 3, 1), new DateOnly(2026, 9, 1)));
        Assert.Equal(["Hillcrest Academy", "Meadowbank Special School"], secondary.Select(p => p.Setting.Name));
    }

    private static Placement Proposed() => Placement.Propose(Guid.NewGuid(), "999", Request(), "DE1 1AA", Propose(Request()), Now);

    [Fact]
    public void AdjustingTheList_NeedsAReason_AndIsKept()
    {
        var placement = Proposed();

        var noReason = Assert.Throws<StepRefusedException>(() => placement.RemoveFromList(OakLodge.Urn, " ", Now));
        placement.RemoveFromList(OakLodge.Urn, "No places for 2026; the trust is not admitting.", Now);
        placement.AddToList(Hillcrest, ListTier.Mainstream, 12, "The family's older child attends.", Now);

        Assert.Equal("list-reason", noReason.Code);
        Assert.DoesNotContain(placement.Listed, e => e.Urn == OakLodge.Urn);
        Assert.Equal("No places for 2026; the trust is not admitting.", placement.Entries.Single(e => e.Urn == OakLodge.Urn).RemovedReason);
        Assert.Contains(placement.Listed, e => e.Urn == Hillcrest.Urn && e.AddedByCaseworker);
    }

    [Fact]
    public void AFamilysPreferenceOffTheList_NeedsTheirReasons_AndStandsBesideThoseFromIt()
    {
        var placement = Proposed();

        var noReasons = Assert.Throws<StepRefusedException>(() => placement.ExpressPreferences([(Faraway, null)], "Pat", Now));
        placement.ExpressPreferences([(Meadowbank, null), (Faraway, "Near grandparents who do the school run.")], "Pat", Now);

        Assert.Equal("preference-reasons", noReasons.Code);
        Assert.Equal([(1, true), (2, false)], placement.FamilyPreferences.Select(p => (p.Rank, p.FromList)));
    }

    /// <summary>The family ranks Oakfield (mainstream), then Meadowbank (special); both are consulted.</summary>
    private static (Placement Placement, SettingPreference Oakfield, SettingPreference Meadowbank) Consulted()
    {
        var placement = Proposed();
        placement.ExpressPreferences([(Oakfield, "Her friends go there."), (Meadowbank, null)], "Pat", Now);
        var oak = placement.FamilyPreferences.First();
        var meadow = placement.FamilyPreferences.Last();
        placement.Consult(oak.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.Consult(meadow.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        return (placement, oak, meadow);
    }

    [Fact]
    public void TheStage_FollowsTheFacts_AndOnceNamed_OnlyReopeningChangesAnything()
    {
        var placement = Proposed();
        Assert.Equal(PlacementStage.ListProposed, placement.Stage);
        Assert.Equal("placement-not-decided", Assert.Throws<StepRefusedException>(() => placement.Reopen("A move.", Now)).Code);

        placement.ShareList(Now);
        Assert.Equal(PlacementStage.ListShared, placement.Stage);
        placement.ExpressPreferences([(Oakfield, null)], "Pat", Now);
        var oak = placement.FamilyPreferences.Single();
        placement.Consult(oak.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.Decide(oak.Id, new DateOnly(2026, 10, 20), null, Now);
        Assert.Equal(PlacementStage.Decided, placement.Stage);

        var refused = Assert.Throws<StepRefusedException>(() => placement.AddToList(Hillcrest, ListTier.Mainstream, null, "Nearer.", Now));
        Assert.Equal("placement-decided", refused.Code);
        Assert.Equal("The council named Oakfield Primary School on 20 October 2026. A change now is an amendment to the plan.", refused.Message);
        Assert.Equal([PlacementAction.RecordNamedBeyondCommissionedPlaces, PlacementAction.Reopen],
            Enum.GetValues<PlacementAction>().Where(action => PlacementTransitions.IsAllowed(PlacementStage.Decided, action)));

        placement.Reopen("Moving house.", Now);
        Assert.Equal(PlacementStage.ListShared, placement.Stage);
    }

    /// <summary>A full school is not a s.39(4) ground: the proposal is the first preference with no ground recorded, full or not.</summary>
    [Fact]
    public void TheSystemProposes_TheFirstPreferenceWithNoGround_WhetherOrNotItsPlacesAreFull()
    {
        var (placement, oak, meadow) = Consulted();

        Assert.Equal(oak.Id, placement.Proposal()!.Id);
        placement.RecordGrounds(oak.Id, [(NamingGround.UnsuitableForAgeAbilityAptitudeOrSen, "The EP's advice: needs a specialist setting.")], null, "Sam", Now);
        Assert.Equal(meadow.Id, placement.Proposal()!.Id);
    }

    [Fact]
    public void NamingALaterPreference_WithoutAGroundAgainstTheFirst_IsRefused()
    {
        var (placement, _, meadow) = Consulted();

        var refused = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, new DateOnly(2026, 10, 20), null, Now));

        Assert.Equal("preference-passed-over", refused.Code);
        Assert.Contains("Oakfield Primary School", refused.Message);
        Assert.False(placement.IsDecided);
    }

    /// <summary>s.33(2): the council's own special school instead of the family's mainstream choice needs the education of others, with reasonable steps.</summary>
    [Fact]
    public void RefusingAMainstreamPreference_ForTheCouncilsSpecialSchool_OnAnyGroundButTheEducationOfOthers_IsRefused()
    {
        var placement = Proposed();
        placement.ExpressPreferences([(Oakfield, "Her friends go there.")], "Pat", Now);
        var oak = placement.FamilyPreferences.Single();
        var meadow = placement.ProposeCouncilSetting(Meadowbank, "A special school place that can meet her needs.", "Sam", Now);
        placement.Consult(meadow.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.RecordGrounds(oak.Id, [(NamingGround.IncompatibleWithEfficientUseOfResources, "A unit place costs less than 1:1 support at Oakfield.")], null, "Sam", Now);

        var wrongGround = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, new DateOnly(2026, 10, 20), null, Now));
        placement.RecordGrounds(oak.Id, [(NamingGround.IncompatibleWithEfficientEducationOfOthers, "Class of 30 with three children needing 1:1 already.")], null, "Sam", Now);
        var noSteps = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, new DateOnly(2026, 10, 20), null, Now));
        placement.RecordGrounds(oak.Id, [(NamingGround.IncompatibleWithEfficientEducationOfOthers, "Class of 30 with three children needing 1:1 already.")],
            "Considered a second teaching assistant and a quiet room; neither prevents the disruption the school described.", "Sam", Now);
        var named = placement.Decide(meadow.Id, new DateOnly(2026, 10, 20), "Meadowbank can meet her needs.", Now);

        Assert.Equal(("mainstream-presumption", "mainstream-presumption"), (wrongGround.Code, noSteps.Code));
        Assert.Contains("section 33", wrongGround.Message);
        Assert.Equal((meadow.Id, "Meadowbank Special School", new DateOnly(2026, 10, 20)), (named.Id, placement.NamedName, placement.DecidedOn!.Value));
    }

    /// <summary>
    /// The family's own request for a special school (s.38(2)(b)) is weighed by s.39, not s.33: once
    /// their mainstream first choice is refused as unsuitable, their special-school choice can be named.
    /// </summary>
    [Fact]
    public void TheFamilysOwnSpecialSchoolPreference_IsNamed_AfterTheirMainstreamChoiceIsRefusedAsUnsuitable()
    {
        var (placement, oak, meadow) = Consulted();
        placement.RecordGrounds(oak.Id, [(NamingGround.UnsuitableForAgeAbilityAptitudeOrSen, "The EP advises a specialist setting for her needs.")], null, "Sam", Now);

        var named = placement.Decide(meadow.Id, new DateOnly(2026, 10, 20), null, Now);

        Assert.Equal("Meadowbank Special School", named.Name);
    }

    [Fact]
    public void RefusingOneMainstreamSchoolForAnother_MayUseAnyGroundOfSection39()
    {
        var placement = Proposed();
        placement.ExpressPreferences([(Oakfield, "Nearest."), (Brookside, null)], "Pat", Now);
        var (oak, brook) = (placement.FamilyPreferences.First(), placement.FamilyPreferences.Last());
        placement.Consult(brook.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.RecordGrounds(oak.Id, [(NamingGround.UnsuitableForAgeAbilityAptitudeOrSen, "Oakfield has no autism provision; the EP advises the unit.")], null, "Sam", Now);

        placement.Decide(brook.Id, new DateOnly(2026, 10, 20), null, Now);

        Assert.Equal(Brookside.Urn, placement.NamedUrn);
    }

    [Fact]
    public void ASettingNotConsulted_CannotBeNamed_AndADecidedPlacementTakesNoMoreChanges()
    {
        var placement = Proposed();
        placement.ExpressPreferences([(Faraway, "Near grandparents.")], "Pat", Now);
        var faraway = placement.FamilyPreferences.Single();

        var notConsulted = Assert.Throws<StepRefusedException>(() => placement.Decide(faraway.Id, new DateOnly(2026, 10, 20), null, Now));
        placement.Consult(faraway.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.Decide(faraway.Id, new DateOnly(2026, 10, 20), null, Now);
        var afterwards = Assert.Throws<StepRefusedException>(() => placement.RemoveFromList(Oakfield.Urn, "x", Now));

        Assert.Equal("not-consulted", notConsulted.Code);
        Assert.Equal("Faraway Primary School", placement.NamedName);
        Assert.Equal("placement-decided", afterwards.Code);
    }

    [Fact]
    public void NoResponse_IsRecordedOnlyAfterTheSettingsFifteenDays_AndCannotMeetNeedsNeedsReasons()
    {
        var (placement, oak, _) = Consulted();

        var early = Assert.Throws<StepRefusedException>(() => placement.RecordResponse(oak.Id, ConsultationResponse.NoResponse, null, new DateOnly(2026, 10, 16), "Sam", Now));
        var bare = Assert.Throws<StepRefusedException>(() => placement.RecordResponse(oak.Id, ConsultationResponse.CannotMeetNeeds, " ", new DateOnly(2026, 10, 10), "Sam", Now));
        placement.RecordResponse(oak.Id, ConsultationResponse.NoResponse, null, new DateOnly(2026, 10, 17), "Sam", Now);

        Assert.Equal(("response-not-due", "response-reasons"), (early.Code, bare.Code));
        Assert.Equal(ConsultationResponse.NoResponse, oak.Response);
    }

    [Fact]
    public void NotASection38Setting_ApplysOnlyToSettingsOutsideSection38()
    {
        var placement = Proposed();
        placement.ExpressPreferences([(Oakfield, "Nearest."), (Grange, "Small classes.")], "Pat", Now);

        var wrong = Assert.Throws<StepRefusedException>(() => placement.RecordGrounds(placement.FamilyPreferences.First().Id, [(NamingGround.NotASection38Setting, "x")], null, "Sam", Now));
        placement.RecordGrounds(placement.FamilyPreferences.Last().Id, [(NamingGround.NotASection38Setting, "An independent school not approved under section 41; a maintained school can meet her needs.")], null, "Sam", Now);

        Assert.Equal("ground-not-applicable", wrong.Code);
        Assert.True(placement.FamilyPreferences.Last().IsExcluded);
    }

    /// <summary>
    /// Issue 20 point 6, s.33(2): with no preference from the family, the council's own special school
    /// needs the reason mainstream is incompatible, with evidence, and for the education of others the
    /// reasonable steps considered (s.33(4)–(5)); a mainstream school of its own needs none.
    /// </summary>
    [Fact]
    public void TheCouncilsOwnSpecialSchool_WhenTheFamilyAskedForNoMainstream_NeedsTheSection33Reason()
    {
        var placement = Proposed();
        var meadow = placement.ProposeCouncilSetting(Meadowbank, "A specialist place for autism.", "Sam", Now);
        placement.Consult(meadow.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        var on = new DateOnly(2026, 10, 20);

        var none = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, on, null, Now));
        var blank = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, on, null, Now, new MainstreamIncompatibility(MainstreamIncompatibleWith.FamilyWishes, " ", null)));
        var noSteps = Assert.Throws<StepRefusedException>(() => placement.Decide(meadow.Id, on, null, Now,
            new MainstreamIncompatibility(MainstreamIncompatibleWith.EfficientEducationOfOthers, "The school describes daily disruption to a class of 30.", null)));
        Assert.False(placement.IsDecided);
        placement.Decide(meadow.Id, on, null, Now, new MainstreamIncompatibility(MainstreamIncompatibleWith.FamilyWishes, "At the meeting on 14 October 2026 her parents said they do not want a mainstream school.", null));

        Assert.Equal(("mainstream-presumption", "mainstream-presumption", "mainstream-reasonable-steps"), (none.Code, blank.Code, noSteps.Code));
        Assert.Contains("section 33(2)", none.Message);
        Assert.Equal((MainstreamIncompatibleWith.FamilyWishes, "Meadowbank Special School"), (placement.MainstreamIncompatibleWith!.Value, placement.NamedName));

        var mainstream = Proposed();
        var oak = mainstream.ProposeCouncilSetting(Oakfield, "The nearest school with a place.", "Sam", Now);
        mainstream.Consult(oak.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        mainstream.Decide(oak.Id, on, null, Now);
        Assert.Null(mainstream.MainstreamIncompatibleWith);
    }

    private static NamedSetting InSectionI(Setting setting) => new(setting.Name, setting.Urn, null, null);

    private static Placement DecidedFor(Setting setting)
    {
        var placement = Proposed();
        placement.ExpressPreferences([(setting, "Near home.")], "Pat", Now);
        var preference = placement.FamilyPreferences.Single();
        placement.Consult(preference.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 16), Now);
        placement.Decide(preference.Id, new DateOnly(2026, 10, 20), null, Now);
        return placement;
    }

    /// <summary>Issue 20 point 5, s.39: a final plan names the setting the council decided to name, and no other.</summary>
    [Fact]
    public void AFinalPlan_NamesTheSettingDecided_AndNotAnother()
    {
        var decided = DecidedFor(Oakfield);

        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Oakfield), null, decided, Oakfield, null));
        SectionINaming.RequireLawful(new SectionIFacts(new NamedSetting("OAKFIELD PRIMARY SCHOOL", null, null, null), null, decided, null, null));
        var other = Assert.Throws<StepRefusedException>(() => SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Brookside), null, decided, Brookside, null)));

        Assert.Equal("section-i-not-as-decided", other.Code);
        Assert.Contains("decided on 20 October 2026 to name Oakfield Primary School", other.Message);
    }

    /// <summary>Issue 20 point 5: preferences still being weighed, or the family's own request passed over with no ground, stop the final plan.</summary>
    [Fact]
    public void AFinalPlan_WaitsForTheFamilysPreferences_AndDoesNotPassOverTheirRequest()
    {
        var undecided = Proposed();
        undecided.ExpressPreferences([(Oakfield, "Near home.")], "Pat", Now);

        var waiting = Assert.Throws<StepRefusedException>(() => SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Oakfield), null, undecided, Oakfield, null)));
        var passedOver = Assert.Throws<StepRefusedException>(() => SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Brookside), null, null, Brookside, "Oakfield Primary School")));
        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Oakfield), null, null, Oakfield, "oakfield primary school"));

        Assert.Equal(("placement-undecided", "requested-setting-not-considered"), (waiting.Code, passedOver.Code));
    }

    /// <summary>Issue 20 point 17: a special post-16 institution can be asked for under s.38 only if approved under s.41.</summary>
    [Fact]
    public void ASpecialPost16Institution_IsASection38Setting_OnlyWhenApprovedUnderSection41()
    {
        var unapproved = School("100020", "Ridgeway Specialist College", Setting.SpecialPostSixteenInstitution, 16, 25, 5);
        var approved = School("100021", "Valley Specialist College", Setting.SpecialPostSixteenInstitution, 16, 25, 6, section41: true);
        var college = School("100022", "Northfield College", 18, 16, 99, 7);

        Assert.Equal((false, true, true), (unapproved.IsSection38Setting, approved.IsSection38Setting, college.IsSection38Setting));
        Assert.Equal((false, false, true), (unapproved.IsMainstream, approved.IsMainstream, college.IsMainstream));
    }

    /// <summary>Issue 20 points 5 and 6: a special school the council names of its own accord goes through naming, where s.33 is recorded.</summary>
    [Fact]
    public void AFinalPlan_NamingASpecialSchoolNobodyAskedFor_WithoutNaming_IsRefused()
    {
        var refused = Assert.Throws<StepRefusedException>(() => SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Meadowbank), null, null, Meadowbank, null)));
        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Oakfield), null, null, Oakfield, null));
        // The family's own request for the special school (s.38(2)(b)) is not the council's choice: s.33 does not apply.
        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Meadowbank), null, null, Meadowbank, Meadowbank.Name));

        Assert.Equal("mainstream-presumption", refused.Code);
        Assert.Contains("section 33", refused.Message);
    }

    /// <summary>
    /// Issue 20 point 5 for amendments: an amended final that keeps the setting is not named anew; one
    /// that names another setting follows s.39 again, so the decision is reopened and made afresh.
    /// </summary>
    [Fact]
    public void AnAmendedFinal_NamingADifferentSetting_IsNamedAgain()
    {
        var placement = DecidedFor(Oakfield);
        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Oakfield), InSectionI(Oakfield), null, Oakfield, "Somewhere else"));

        var changed = Assert.Throws<StepRefusedException>(() => SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Hillcrest), InSectionI(Oakfield), placement, Hillcrest, null)));
        var noReason = Assert.Throws<StepRefusedException>(() => placement.Reopen(" ", Now));
        placement.Reopen("Moving to secondary school in September 2027.", Now);
        placement.ExpressPreferences([(Hillcrest, "Her brother goes there.")], "Pat", Now);
        var hill = placement.FamilyPreferences.Single();
        placement.Consult(hill.Id, new DateOnly(2026, 10, 21), new DateOnly(2026, 11, 5), Now);
        placement.Decide(hill.Id, new DateOnly(2026, 11, 1), null, Now);
        SectionINaming.RequireLawful(new SectionIFacts(InSectionI(Hillcrest), InSectionI(Oakfield), placement, Hillcrest, null));

        Assert.Equal(("section-i-changed", "reopen-reason"), (changed.Code, noReason.Code));
        Assert.Equal(["Hillcrest Academy"], placement.Preferences.Select(p => p.Name));
    }
}
