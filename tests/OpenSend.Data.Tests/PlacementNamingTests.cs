using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Placements;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Tailored lists, preferences, consultations and naming a place through the services, on both providers.</summary>
public abstract class PlacementNamingTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
        await InScope(sp => DemoSettings.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", Time.GetUtcNow()));
    }

    private RequestContext SencoOf(string code) =>
        new(new Actor(Guid.NewGuid().ToString(), "Jo Whitfield", "Senco", _organisations[code].Name), Viewer.Staff(Guid.NewGuid(), Role.Senco, _organisations[code]), null);

    /// <summary>An autistic child born 1 March 2023 (4 in September 2027), with the draft plan served; the family's account linked.</summary>
    private async Task<(Guid Id, RequestContext Parent)> DraftServedAsync(string givenName = "Ada")
    {
        var submitted = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(In999,
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", $"{givenName.ToLowerInvariant()}.parent@example.com", null, null, givenName, "Example",
                new DateOnly(2023, 3, 1), "Needs not met at SEN support.", true),
            new DateOnly(2026, 1, 5)));
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 2, 2), "Evidence of needs.");
            var advice = await cases.RequestAdviceAsync(In999, submitted.Id, AdviserKind.Psychological, "EP service", new DateOnly(2026, 2, 2));
            await cases.RecordAdviceReceivedAsync(In999, submitted.Id, advice.Id, new DateOnly(2026, 3, 9));
            await cases.DecideToIssueAsync(In999, submitted.Id, new DateOnly(2026, 4, 1), "Needs cannot be met at SEN support.");
            await cases.ServeDraftPlanAsync(In999, submitted.Id, new DateOnly(2026, 6, 1));
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, submitted.Id, $"{givenName.ToLowerInvariant()}.parent@example.com", Role.Parent);
        });
        var person = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Email == $"{givenName.ToLowerInvariant()}.parent@example.com"));
        return (submitted.Id, new RequestContext(new Actor(person.Id.ToString(), "Pat Example", "Family", null), Viewer.Family(person.Id), null));
    }

    private Task ProposeAsync(Guid id) => InScope(sp => sp.GetRequiredService<PlacementNaming>().ProposeListAsync(In999, id,
        new ListProposal(DemoSettings.HomePostcode, Sen2NeedType.ASD, new DateOnly(2027, 9, 1), 15)));

    private Task<ViewedPlacement> GetAsync(RequestContext context, Guid id) => InScope(sp => sp.GetRequiredService<PlacementNaming>().GetAsync(context, id));

    private static PlacementNaming Naming(IServiceProvider sp) => sp.GetRequiredService<PlacementNaming>();

    [Fact]
    public async Task TheList_FromTheCouncilsSuitableSettings_FitsTheChildsAgeNeedAndDistance_MainstreamFirst()
    {
        var (id, _) = await DraftServedAsync();

        await ProposeAsync(id);

        var viewed = await GetAsync(In999, id);
        var listed = viewed.Placement!.Listed.ToList();
        Assert.Equal(
            [
                ("Oakfield Primary School", ListTier.Mainstream, 0.9, (int?)19),
                ("Riverside Nursery", ListTier.Mainstream, 0.9, 6),
                ("Brookside Infant School", ListTier.Mainstream, 2.0, 8),
                ("St Aldhelm's CofE Primary School", ListTier.Mainstream, 3.8, 0),
                ("Larkspur Primary School", ListTier.SpecialistInMainstream, 4.5, 0),
                ("Meadowbank Special School", ListTier.Special, 7.0, 1),
            ],
            listed.Select(e => (e.Name, e.Tier, e.DistanceKm!.Value, viewed.AvailableAt(e.Urn))));
        // Hillcrest and the secondary school are for older children, Kestrel House for SEMH from 7, Fenwick is not on the council's list.
        Assert.DoesNotContain(listed, e => e.Urn is "999003" or "999005" or "999010" or "999011");
    }

    [Fact]
    public async Task ASettingThatCannotMeetTheNeeds_LosesTheAccessItsConsultationGave_28DaysLater()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        await InScope(sp => Naming(sp).ShareListAsync(In999, id));
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999001", null)]));
        var preference = (await GetAsync(In999, id)).Placement!.FamilyPreferences.Single();
        await InScope(sp => Naming(sp).ConsultAsync(In999, id, preference.Id));
        var senco = SencoOf("999001");
        Task<CaseAccessLevel> SencoLevelAsync() => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(senco.Viewer, id));
        Assert.Equal(CaseAccessLevel.Read, await SencoLevelAsync());

        await InScope(sp => Naming(sp).RecordResponseAsync(senco, id, preference.Id, ConsultationResponse.CannotMeetNeeds, "We have no place for a child with these needs.", new DateOnly(2026, 6, 15)));

        Assert.Equal(CaseAccessLevel.Read, await SencoLevelAsync());
        Time.Advance(TimeSpan.FromDays(27));
        Assert.Equal(CaseAccessLevel.Read, await SencoLevelAsync());
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(CaseAccessLevel.None, await SencoLevelAsync());
    }

    [Fact]
    public async Task PreferencesSentByOneParent_AreNotOverwrittenByAnotherWhoStartedBefore()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        await InScope(sp => Naming(sp).ShareListAsync(In999, id));
        var startedFrom = (await GetAsync(parent, id)).Placement!.FamilyPreferencesFingerprint;

        // One parent sends preferences; the other, who began from none, then sends theirs.
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999001", null)], startedFrom));
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999011", "Near her grandparents.")], startedFrom)));

        Assert.True(refused.ChangedMeanwhile);
        Assert.Equal("Oakfield Primary School", Assert.Single((await GetAsync(In999, id)).Placement!.FamilyPreferences).Name);
        var now = (await GetAsync(parent, id)).Placement!.FamilyPreferencesFingerprint;
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999001", null), ("999011", "Near her grandparents.")], now));
        Assert.Equal(2, (await GetAsync(In999, id)).Placement!.FamilyPreferences.Count());
    }

    [Fact]
    public async Task TheFamily_SeesTheListOnceShared_AndAPreferenceOffItIsConsultedAndNamed()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        Assert.Null((await GetAsync(parent, id)).Placement);
        await InScope(sp => Naming(sp).ShareListAsync(In999, id));
        Assert.NotNull((await GetAsync(parent, id)).Placement);

        var noReasons = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999011", null)])));
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999011", "Her grandparents live next to Fenwick and do the school run."), ("999001", null)]));

        Assert.Equal("preference-reasons", noReasons.Code);
        var preferences = (await GetAsync(In999, id)).Placement!.FamilyPreferences.ToList();
        Assert.Equal([("Fenwick Primary School", false), ("Oakfield Primary School", true)], preferences.Select(p => (p.Name, p.FromList)));

        // Oakfield uses OpenSEND: its SENCO is emailed, can read the case and answers there. Fenwick does not: the caseworker records its answer.
        Assert.Equal(0, await InScope(sp => Naming(sp).ConsultAsync(In999, id, preferences[0].Id)));
        Assert.Equal(1, await InScope(sp => Naming(sp).ConsultAsync(In999, id, preferences[1].Id)));
        var senco = SencoOf("999001");
        var consultation = Assert.Single(await InScope(sp => Naming(sp).ConsultationsForSettingAsync(senco)));
        Assert.Equal((new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 30)), (consultation.SentOn, consultation.DueBy));
        await InScope(sp => Naming(sp).RecordResponseAsync(senco, id, preferences[1].Id, ConsultationResponse.CanMeetNeeds, null, new DateOnly(2026, 6, 15)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => Naming(sp).RecordResponseAsync(SencoOf("999002"), id, preferences[0].Id, ConsultationResponse.CanMeetNeeds, null, new DateOnly(2026, 6, 15))));
        await InScope(sp => Naming(sp).RecordResponseAsync(In999, id, preferences[0].Id, ConsultationResponse.CanMeetNeeds, null, new DateOnly(2026, 6, 15)));
        var email = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Kind == PlacementNaming.ConsultationKind));
        Assert.Equal("jo.whitfield@oakfield.example", email.Recipient);
        Assert.DoesNotContain("Ada", email.Body);

        var proposal = (await GetAsync(In999, id)).Proposal;
        Assert.Equal("Fenwick Primary School", proposal!.Name);
        await InScope(sp => Naming(sp).DecideAsync(In999, id, proposal.Id, new DateOnly(2026, 6, 15), "The family's first preference can meet her needs."));

        var decided = await GetAsync(parent, id);
        Assert.Equal(("Fenwick Primary School", new DateOnly(2026, 6, 15)), (decided.Placement!.NamedName, decided.Placement.DecidedOn!.Value));
        var entry = decided.Assessment.Timeline.Single(e => e.Action == PathwayAction.RecordPlacementDecision);
        Assert.Equal("The council decided to name Fenwick Primary School in section I of the plan.", entry.FamilySummary);
        Assert.Contains("does not need a mediation certificate", entry.Detail);
        Assert.Equal("Fenwick Primary School", decided.Assessment.NamedSetting);
    }

    [Fact]
    public async Task RefusingTheFamilysMainstreamPreference_ForTheCouncilsSpecialSchool_WithoutTheRightGround_IsRefusedAndNothingIsSaved()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        await InScope(sp => Naming(sp).ShareListAsync(In999, id));
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999001", "Her brother goes there.")]));
        var oakfield = (await GetAsync(In999, id)).Placement!.FamilyPreferences.Single();
        var meadowbank = await InScope(sp => Naming(sp).ProposeCouncilSettingAsync(In999, id, "999008", "A specialist place for autism."));
        await InScope(sp => Naming(sp).ConsultAsync(In999, id, meadowbank));
        await InScope(sp => Naming(sp).RecordGroundsAsync(In999, id, oakfield.Id,
            [(NamingGround.IncompatibleWithEfficientUseOfResources, "One-to-one support at Oakfield would cost more than a place at Meadowbank.")], null));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => Naming(sp).DecideAsync(In999, id, meadowbank, new DateOnly(2026, 6, 15), null)));

        Assert.Equal("mainstream-presumption", refused.Code);
        var after = await GetAsync(In999, id);
        Assert.False(after.Placement!.IsDecided);
        Assert.DoesNotContain(after.Assessment.Timeline, e => e.Action == PathwayAction.RecordPlacementDecision);
        Assert.Equal(39, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().CommissionedPlaces.Where(p => p.SettingUrn == "999008" && p.Need == Sen2NeedType.ASD).Select(p => p.Filled).SingleAsync()));
    }

    /// <summary>
    /// Issue 20 point 5 (s.39): the final plan records the setting the council decided to name, by
    /// default, and never another; naming again for an amendment clears the decision, keeps it in the
    /// audit record and asks the family for their preferences again.
    /// </summary>
    [Fact]
    public async Task TheFinalPlan_NamesTheSettingDecided_AndNamingAgainAsksTheFamilyAgain()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        await InScope(sp => Naming(sp).ShareListAsync(In999, id));
        await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999001", "Her brother goes there.")]));
        var oakfield = (await GetAsync(In999, id)).Placement!.FamilyPreferences.Single();
        await InScope(sp => Naming(sp).ConsultAsync(In999, id, oakfield.Id));
        await InScope(sp => Naming(sp).DecideAsync(In999, id, oakfield.Id, new DateOnly(2026, 6, 15), null));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RecordRepresentationsAsync(In999, id, new DateOnly(2026, 6, 15), "Content with the draft.", null, false, true));

        var other = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().IssueFinalPlanAsync(In999, id, new DateOnly(2026, 6, 15), "Meadowbank Special School")));
        Assert.Null((await GetAsync(In999, id)).Assessment.FinalPlanIssuedOn);
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().IssueFinalPlanAsync(In999, id, new DateOnly(2026, 6, 15), null));
        var issued = await GetAsync(In999, id);

        Assert.Equal("section-i-not-as-decided", other.Code);
        Assert.Equal(("Oakfield Primary School", new DateOnly(2026, 6, 15)), (issued.Assessment.NamedSetting, issued.Assessment.FinalPlanIssuedOn!.Value));

        var noReason = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => Naming(sp).ReopenAsync(In999, id, " ")));
        await InScope(sp => Naming(sp).ReopenAsync(In999, id, "Moving to the junior school in September 2027."));
        var reopened = await GetAsync(parent, id);

        Assert.Equal("reopen-reason", noReason.Code);
        Assert.False(reopened.Placement!.IsDecided);
        Assert.Empty(reopened.Placement.Preferences);
        Assert.NotNull(reopened.Placement.ListSharedOn);
        var db = await InScope(async sp =>
        {
            var context = sp.GetRequiredService<OpenSendDbContext>();
            return (await context.Outbox.AsNoTracking().Select(m => m.Subject).ToListAsync(),
                await context.AuditRecords.AsNoTracking().Where(r => r.AssessmentId == id && r.Action == "placement.reopened").Select(r => r.Detail).SingleAsync());
        });
        Assert.Contains(db.Item1, s => s.StartsWith("Naming a school or college again", StringComparison.Ordinal));
        Assert.Equal("Oakfield Primary School was named; naming again: Moving to the junior school in September 2027.", db.Item2);
    }

    /// <summary>Issue 20 point 6 (s.33(2)): the council's own special school, with no preference from the family, is named only with the reason mainstream is incompatible; the reason is kept.</summary>
    [Fact]
    public async Task TheCouncilsSpecialSchool_WithNoPreferenceFromTheFamily_IsNamedOnlyWithTheSection33Reason()
    {
        var (id, _) = await DraftServedAsync();
        await ProposeAsync(id);
        var meadowbank = await InScope(sp => Naming(sp).ProposeCouncilSettingAsync(In999, id, "999008", "A specialist place for autism."));
        await InScope(sp => Naming(sp).ConsultAsync(In999, id, meadowbank));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => Naming(sp).DecideAsync(In999, id, meadowbank, new DateOnly(2026, 6, 15), null)));
        Assert.False((await GetAsync(In999, id)).Placement!.IsDecided);
        await InScope(sp => Naming(sp).DecideAsync(In999, id, meadowbank, new DateOnly(2026, 6, 15), null,
            new MainstreamIncompatibility(MainstreamIncompatibleWith.EfficientEducationOfOthers, "Oakfield reports daily disruption to a class of 30.", "A second teaching assistant and a quiet room; neither prevents the disruption.")));
        var decided = (await GetAsync(In999, id)).Placement!;

        Assert.Equal("mainstream-presumption", refused.Code);
        Assert.Equal((MainstreamIncompatibleWith.EfficientEducationOfOthers, "Oakfield reports daily disruption to a class of 30.", "A second teaching assistant and a quiet room; neither prevents the disruption."),
            (decided.MainstreamIncompatibleWith!.Value, decided.MainstreamIncompatibilityEvidence, decided.MainstreamReasonableSteps));
    }

    /// <summary>
    /// A full school is not a s.39(4) ground and s.43 obliges a named school to admit: two children
    /// named at once for Meadowbank's last commissioned place are both named; one takes the place,
    /// the other is counted beyond the commissioned places and the council is told, for sufficiency.
    /// </summary>
    [Fact]
    public async Task TwoChildrenNamedForTheLastPlaceAtOnce_AreBothNamed_TheSecondBeyondTheCommissionedPlaces()
    {
        var children = new List<Guid>();
        foreach (var name in new[] { "Ada", "Bea" })
        {
            var (id, parent) = await DraftServedAsync(name);
            await ProposeAsync(id);
            await InScope(sp => Naming(sp).ShareListAsync(In999, id));
            await InScope(sp => Naming(sp).ExpressPreferencesAsync(parent, id, [("999008", "The special school our EP recommended.")]));
            var preference = (await GetAsync(In999, id)).Placement!.Preferences.Single().Id;
            await InScope(sp => Naming(sp).ConsultAsync(In999, id, preference));
            children.Add(id);
        }

        var preferences = await Task.WhenAll(children.Select(async id => (await GetAsync(In999, id)).Placement!.Preferences.Single().Id));
        var decisions = await Task.WhenAll(children.Zip(preferences).Select(c => Task.Run(() =>
            InScope(sp => Naming(sp).DecideAsync(In999, c.First, c.Second, new DateOnly(2026, 6, 15), null)))));

        Assert.Single(decisions, d => !d.BeyondCommissionedPlaces);
        var beyond = Assert.Single(decisions, d => d.BeyondCommissionedPlaces);
        Assert.Contains("counted beyond them", beyond.Warning);
        var places = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().CommissionedPlaces.AsNoTracking().SingleAsync(p => p.SettingUrn == "999008" && p.Need == Sen2NeedType.ASD));
        Assert.Equal((40, 41, 0), (places.Commissioned, places.Filled, places.Available));
        var decided = await Task.WhenAll(children.Select(id => GetAsync(In999, id)));
        Assert.All(decided, d => Assert.Equal("Meadowbank Special School", d.Placement!.NamedName));
        Assert.Equal(1, decided.Count(d => d.Placement!.NamedBeyondCommissionedPlaces));
    }

    [Fact]
    public async Task AnotherCouncilsCaseworker_AndAnotherFamily_CannotSeeOrChangeThePlacement()
    {
        var (id, parent) = await DraftServedAsync();
        await ProposeAsync(id);
        var (_, otherParent) = await DraftServedAsync("Bea");

        await Assert.ThrowsAsync<CaseNotFoundException>(() => GetAsync(In886, id));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => GetAsync(otherParent, id));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => Naming(sp).ExpressPreferencesAsync(otherParent, id, [("999001", null)])));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => Naming(sp).ShareListAsync(SencoOf("999001"), id)));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => Naming(sp).ShareListAsync(parent, id)));
    }
}

public sealed class PlacementNamingTests_Sqlite(PostgresServer postgres) : PlacementNamingTests(TestProvider.Sqlite, postgres);

public sealed class PlacementNamingTests_PostgreSql(PostgresServer postgres) : PlacementNamingTests(TestProvider.PostgreSql, postgres);

/// <summary>The register's search, the council's places and list, providers GIAS lacks, and sufficiency.</summary>
public abstract class SettingsRegisterTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly RequestContext Manager999 = new(new Actor("m-999", "Priya Shah", "LaSendManager", "Demoshire County Council"), LaStaff("999", Role.LaSendManager), null);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await InScope(sp => DemoSettings.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", Time.GetUtcNow()));
    }

    private Task<SettingSearchPage> SearchAsync(SettingSearch search) => InScope(sp => sp.GetRequiredService<SettingsRegister>().SearchAsync(search));

    [Fact]
    public async Task Search_ByNameUrnNeedAndDistanceFromAPostcode()
    {
        var byName = await SearchAsync(new SettingSearch("meadow"));
        var byUrn = await SearchAsync(new SettingSearch("999009"));
        var forAutism = await SearchAsync(new SettingSearch(Need: Sen2NeedType.ASD));
        var near = await SearchAsync(new SettingSearch(Postcode: "dm12xy", WithinKm: 3));
        var nowhere = await SearchAsync(new SettingSearch(Postcode: "ZZ9 9ZZ"));

        Assert.Equal(["Meadowbank Special School"], byName.Rows.Select(r => r.Setting.Name));
        Assert.Equal(["Larkspur Primary School"], byUrn.Rows.Select(r => r.Setting.Name));
        Assert.Equal(["Larkspur Primary School", "Meadowbank Special School"], forAutism.Rows.Select(r => r.Setting.Name));
        Assert.Equal(("DM1 2XY", "sector"), (near.From!.Postcode, near.From.Precision));
        Assert.Equal(["Oakfield Primary School", "Riverside Nursery", "Brookside Infant School", "Hillcrest Academy"], near.Rows.Select(r => r.Setting.Name));
        Assert.All(near.Rows, r => Assert.True(r.DistanceKm <= 3));
        Assert.Equal("ZZ9 9ZZ", nowhere.PostcodeNotFound);
    }

    [Fact]
    public async Task TheSendManager_RecordsPlaces_AddsAProvider_AndSeesSufficiency_WhileACaseworkerCannotChangeThem()
    {
        var register = (IServiceProvider sp) => sp.GetRequiredService<SettingsRegister>();

        var tooMany = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => register(sp).SetPlacesAsync(Manager999, "999008", PlaceKind.SpecialSchool, Sen2NeedType.SLD, 5, -1)));
        await InScope(sp => register(sp).SetPlacesAsync(Manager999, "999008", PlaceKind.SpecialSchool, Sen2NeedType.SLD, 12, 4));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => register(sp).SetPlacesAsync(In999, "999008", PlaceKind.SpecialSchool, Sen2NeedType.SLD, 12, 4)));
        var provider = await InScope(sp => register(sp).AddProviderAsync(Manager999, "10012345", "Demoshire Supported Internships", SettingCategory.PostSixteen, 16, 25, "DM4 3ZZ", [Sen2NeedType.MLD]));
        var duplicate = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => register(sp).AddProviderAsync(Manager999, "10012345", "Again", SettingCategory.PostSixteen, 16, 25, "DM4 3ZZ", [])));
        var sufficiency = await InScope(sp => register(sp).SufficiencyAsync(In999));

        Assert.Equal("places-filled", tooMany.Code);
        Assert.Equal(("UKPRN-10012345", SettingSource.LocalAuthority), (provider.Urn, provider.Source));
        Assert.Equal("provider-exists", duplicate.Code);
        Assert.Contains(new SufficiencyRow(Sen2NeedType.SLD, "All ages", 12, 4, 8, 0), sufficiency);
        Assert.Contains(new SufficiencyRow(Sen2NeedType.ASD, "All ages", 40, 39, 1, 0), sufficiency);
        Assert.Contains(new SufficiencyRow(Sen2NeedType.ASD, "Primary", 8, 8, 0, 0), sufficiency);
        var details = await InScope(sp => register(sp).GetAsync(In999, "999008"));
        Assert.Equal(3, details!.Places.Count);
        Assert.Empty((await InScope(sp => register(sp).GetAsync(In886, "999008")))!.Places);
    }
}

public sealed class SettingsRegisterTests_Sqlite(PostgresServer postgres) : SettingsRegisterTests(TestProvider.Sqlite, postgres);

public sealed class SettingsRegisterTests_PostgreSql(PostgresServer postgres) : SettingsRegisterTests(TestProvider.PostgreSql, postgres);
